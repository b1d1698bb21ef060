"""Grades and ages, each implied by the other, for listings that give only one of them.

A listing gives grades, ages or both (the checker requires one). A student in grade g is usually
g+5 or g+6 years old (grade 11: 16 or 17), so a listing that gives only grades is open to those
ages, and age a is read as grade a-5, kept within the catalog's grades (6 to 14, 13 and 14 being
the first two years of college). The browse page's grade and age filters (render/facets.py) and
the coverage page's grade bands (figures.py) read the same rule, so a listing counts the same
way in both.
"""

from __future__ import annotations

from generator.model import Opportunity

GRADES = range(6, 15)
AGE_OF_GRADE = (5, 6)  # grade g: ages g+5 and g+6
GRADE_OF_AGE = 5  # age a: grade a-5


def listing_grades(opp: Opportunity) -> range:
    """The grades a listing is open to: its own, else those its ages imply (empty when all are past GRADES)."""
    if opp.grade_min is not None and opp.grade_max is not None:
        return range(opp.grade_min, opp.grade_max + 1)
    if opp.age_min is None and opp.age_max is None:
        return range(0)
    low = GRADES.start if opp.age_min is None else max(GRADES.start, opp.age_min - GRADE_OF_AGE)
    high = GRADES.stop - 1 if opp.age_max is None else min(GRADES.stop - 1, opp.age_max - GRADE_OF_AGE)
    return range(low, max(low, high + 1))


def listing_ages(opp: Opportunity, ages: range) -> range:
    """The ages of `ages` a listing is open to: its own limits (an open end runs to the end of `ages`),
    else the ages its grades imply."""
    if opp.age_min is None and opp.age_max is None:
        if opp.grade_min is None or opp.grade_max is None:
            return range(0)
        low, high = opp.grade_min + AGE_OF_GRADE[0], opp.grade_max + AGE_OF_GRADE[1]
    else:
        low = ages.start if opp.age_min is None else opp.age_min
        high = ages.stop - 1 if opp.age_max is None else opp.age_max
    low, high = max(low, ages.start), min(high, ages.stop - 1)
    return range(low, max(low, high + 1))
