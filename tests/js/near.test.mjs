import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  byDistance, decodeAcross, decodeSites, distances, haversine, milesText, nearestZip, nearness, withinBits, zipOf,
} from "../../site_overrides/assets/browse/near.js";
import { contains } from "../../site_overrides/assets/browse/bits.js";

// Centroids as zips.json gives them (3 decimals).
const SOUTH_LA = [33.955, -118.29]; // 90044
const DOWNTOWN = [34.053, -118.243]; // 90012
const LONG_BEACH = [33.767, -118.192]; // 90802
const SACRAMENTO = [38.576, -121.494]; // 95814

describe("haversine", () => {
  test("zero for the same place, the same both ways", () => {
    assert.equal(haversine(SOUTH_LA, SOUTH_LA), 0);
    assert.equal(haversine(SOUTH_LA, DOWNTOWN), haversine(DOWNTOWN, SOUTH_LA));
  });

  test("known distances, in miles", () => {
    // South LA to downtown is about 7 miles, to Long Beach about 14, to Sacramento about 360 as the crow flies.
    assert.ok(Math.abs(haversine(SOUTH_LA, DOWNTOWN) - 7.3) < 0.3, String(haversine(SOUTH_LA, DOWNTOWN)));
    assert.ok(Math.abs(haversine(SOUTH_LA, LONG_BEACH) - 14.1) < 0.4, String(haversine(SOUTH_LA, LONG_BEACH)));
    assert.ok(Math.abs(haversine(SOUTH_LA, SACRAMENTO) - 361) < 5, String(haversine(SOUTH_LA, SACRAMENTO)));
    // One degree of latitude is about 69 miles anywhere.
    assert.ok(Math.abs(haversine([34, -118], [35, -118]) - 69.1) < 0.1);
  });
});

describe("zipOf", () => {
  test("five digits, ZIP+4 and spaces", () => {
    assert.equal(zipOf("90044"), "90044");
    assert.equal(zipOf(" 90044-1234 "), "90044");
    assert.equal(zipOf("90044 1234"), "90044");
  });

  test("anything else is no ZIP code", () => {
    for (const text of ["", "9004", "900444", "9004a", "Watts", null, undefined]) assert.equal(zipOf(text), "", String(text));
  });
});

describe("decodeSites and distances", () => {
  // Four rows: two sites (downtown, Long Beach), Long Beach only, remote (no site), South LA.
  const points = [LONG_BEACH, DOWNTOWN, SOUTH_LA];
  const data = { format: 2, n: 4, points, sets: [[0, 1], [0], [], [2]], width: 1, col: "ABCD" };

  test("each row's points", () => {
    assert.deepEqual(decodeSites(data), [[LONG_BEACH, DOWNTOWN], [LONG_BEACH], [], [SOUTH_LA]]);
  });

  test("each point's rows, the other encoding, give the same points", () => {
    // Point 0 (Long Beach): rows 0 and 1; point 1 (downtown): row 0; point 2 (South LA): row 3.
    const counts = [2, 1, 1];
    const post = ["AA", "BA", "Bo"]; // encoding.rice([0, 1], 4), rice([0], 4), rice([3], 4)
    assert.deepEqual(decodeSites({ format: 2, n: 4, points, counts, post }), decodeSites(data));
  });

  test("an unknown format throws", () => {
    assert.throws(() => decodeSites({ ...data, format: 1 }), /unknown format/);
    assert.throws(() => decodeSites({ ...data, format: 3 }), /unknown format/);
  });

  test("a row's distance is its nearest site's; a row without a site is infinitely far", () => {
    const dist = distances(SOUTH_LA, decodeSites(data));
    assert.equal(dist[0], haversine(SOUTH_LA, DOWNTOWN));
    assert.equal(dist[1], haversine(SOUTH_LA, LONG_BEACH));
    assert.equal(dist[2], Infinity);
    assert.equal(dist[3], 0);
  });

  test("sorted nearest first, remote last, ties in their order", () => {
    const dist = distances(SOUTH_LA, decodeSites(data));
    assert.deepEqual(byDistance([0, 1, 2, 3], dist), [3, 0, 1, 2]);
    assert.deepEqual(byDistance(new Set([2, 1]), dist), [1, 2]);
    assert.deepEqual(byDistance([1, 0], Float64Array.from([5, 5])), [1, 0]);
  });

  test("within N miles", () => {
    const dist = distances(SOUTH_LA, decodeSites(data));
    const five = withinBits(dist, 5, 1);
    assert.deepEqual([0, 1, 2, 3].filter((i) => contains(five, i)), [3]);
    const ten = withinBits(dist, 10, 1);
    assert.deepEqual([0, 1, 2, 3].filter((i) => contains(ten, i)), [0, 3]);
    const many = withinBits(Float64Array.from({ length: 40 }, (_, i) => i), 33, 2);
    assert.equal(contains(many, 33), 1);
    assert.equal(contains(many, 34), 0);
  });
});

describe("nearestZip", () => {
  const zips = { 90012: DOWNTOWN, 90044: SOUTH_LA, 90802: LONG_BEACH };

  test("the region's ZIP code nearest to a place", () => {
    assert.equal(nearestZip([33.96, -118.3], zips), "90044");
    assert.equal(nearestZip([34.06, -118.24], zips), "90012");
    assert.equal(nearestZip(SACRAMENTO, zips), "90012");
    assert.equal(nearestZip(SOUTH_LA, {}), "");
  });
});

describe("milesText", () => {
  const ui = { near_miles: "about {n} miles", near_one_mile: "about 1 mile", near_under_one: "under 1 mile" };
  const format = (n) => new Intl.NumberFormat("en").format(n);

  test("rounded to whole miles, in the page's words and numbers", () => {
    assert.equal(milesText(3.4, ui, format), "about 3 miles");
    assert.equal(milesText(1.2, ui, format), "about 1 mile");
    assert.equal(milesText(0.4, ui, format), "under 1 mile");
    assert.equal(milesText(1234.4, ui, format), "about 1,234 miles");
    const es = { near_miles: "a unas {n} millas", near_one_mile: "a más o menos 1 milla", near_under_one: "a menos de 1 milla" };
    assert.equal(milesText(2.6, es, (n) => new Intl.NumberFormat("es").format(n)), "a unas 3 millas");
  });

  test("no distance, no text", () => {
    assert.equal(milesText(Infinity, ui, format), "");
    assert.equal(milesText(NaN, ui, format), "");
  });
});

describe("worksites across areas (decodeAcross, nearness)", () => {
  // Three rows: a Long Beach site; worksites across South LA and East LA (no point of their own); both a
  // downtown site and worksites across East LA. Areas: 0 South LA (90044), 1 East LA (90022, 90023).
  const EAST_LA = [34.02, -118.16];
  const data = {
    format: 2, n: 3, points: [LONG_BEACH, DOWNTOWN], sets: [[0], [], [1]], width: 1, col: "ABC",
    across: {
      areas: ["south-la", "east-la"], zips: [["90044"], ["90022", "90023"]], centers: [SOUTH_LA, EAST_LA],
      sets: [[], [0, 1], [1]], width: 1, col: "ABC",
    },
  };
  const rows = decodeSites(data);
  const across = decodeAcross(data);

  test("each ZIP code's areas and each row's", () => {
    assert.deepEqual(across.rows, [[], [0, 1], [1]]);
    assert.deepEqual(across.zipAreas.get("90023"), [1]);
    assert.equal(across.zipAreas.get("90802"), undefined);
    assert.equal(decodeAcross({ ...data, across: undefined }), null);
  });

  test("a ZIP code in a covered area is 0 miles away and in the area", () => {
    const near = nearness("90044", SOUTH_LA, rows, across);
    assert.deepEqual([...near.inArea], [0, 1, 0]);
    assert.equal(near.dist[1], 0);
    assert.equal(near.key[1], 0);
    // The third row's worksites are across East LA only: its distance is its downtown site's.
    assert.equal(near.dist[2], haversine(SOUTH_LA, DOWNTOWN));
    assert.deepEqual(byDistance([0, 1, 2], near.key), [1, 2, 0]);
  });

  test("outside the covered areas: sorted by the nearest area's middle, with no distance to say or filter on", () => {
    const near = nearness("90802", LONG_BEACH, rows, across);
    assert.deepEqual([...near.inArea], [0, 0, 0]);
    assert.equal(near.dist[1], Infinity); // no card says miles, and "within N miles" leaves it out
    assert.equal(near.key[1], Math.min(haversine(LONG_BEACH, SOUTH_LA), haversine(LONG_BEACH, EAST_LA)));
    assert.equal(near.key[0], 0);
    assert.deepEqual(byDistance([1, 2, 0], near.key), [0, 1, 2]);
    assert.ok(!contains(withinBits(near.dist, 100, 1), 1));
  });

  test("without worksites across areas, nothing changes", () => {
    const near = nearness("90044", SOUTH_LA, rows, null);
    assert.deepEqual([...near.dist], [...distances(SOUTH_LA, rows)]);
    assert.deepEqual([...near.key], [...near.dist]);
    assert.deepEqual([...near.inArea], [0, 0, 0]);
  });
});
