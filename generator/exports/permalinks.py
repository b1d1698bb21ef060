"""Permanent links: old listing addresses keep working.

- A renamed listing lists its old catalog ids in `former_ids`; each old
  address redirects to the new page, in both languages, through the
  mkdocs-redirects plugin (`- redirects` after `- wbl-catalog` in mkdocs.yml).
- A listing that is no longer offered is in retired.yml and keeps a "no
  longer offered" page (render/site.py `retired()`), so it is not a redirect.

mkdocs-redirects reads `redirect_maps` in its own on_files, and plugins run
in the order of mkdocs.yml, so the catalog plugin fills the map at the end
of its on_files, once the catalog is known. Maps written in mkdocs.yml are
kept and win over generated ones.
"""

from __future__ import annotations

from typing import Any

from generator.model import Catalog
from generator.present.view import lang_prefix

PLUGIN = "redirects"
_USER_MAPS = "_wbl_user_redirect_maps"


def redirect_map(catalog: Catalog) -> dict[str, str]:
    """Old page source -> new page source, for both languages (mkdocs-redirects' format)."""
    maps: dict[str, str] = {}
    for ident in sorted(catalog.opportunities):
        for old in catalog.opportunities[ident].former_ids:
            # The checker rejects former ids that are in use, retired or claimed twice; skip them here too.
            if old in catalog.opportunities or old in catalog.retired or f"opportunities/{old}/index.md" in maps:
                continue
            for lang in catalog.langs:
                prefix = lang_prefix(lang)
                maps[f"{prefix}opportunities/{old}/index.md"] = f"{prefix}opportunities/{ident}/index.md"
    return maps


def _plugin(config: Any) -> Any:
    return config.plugins.get(PLUGIN) if config.plugins else None


def configure_redirects(config: Any, catalog: Catalog, pages: set[str] | None = None) -> dict[str, str]:
    """Give the catalog's redirects to mkdocs-redirects; returns the full map ({} without the plugin).

    With `pages` (the site's page sources), only redirects to pages being built are kept: a preview
    build renders a few records, and a redirect to a missing page is a warning that fails --strict.
    """
    plugin = _plugin(config)
    if plugin is None:
        return {}
    user = getattr(plugin, _USER_MAPS, None)
    if user is None:  # remember mkdocs.yml's own map once: `mkdocs serve` rebuilds with the same plugin object
        user = dict(plugin.config.get("redirect_maps") or {})
        setattr(plugin, _USER_MAPS, user)
    generated = {old: new for old, new in redirect_map(catalog).items() if pages is None or new in pages}
    maps = {**generated, **user}
    plugin.config["redirect_maps"] = maps
    return maps


def configured_redirect_pages(config: Any) -> set[str]:
    plugin = _plugin(config)
    return redirect_pages(dict(plugin.config.get("redirect_maps") or {})) if plugin is not None else set()


def redirect_pages(maps: dict[str, str]) -> set[str]:
    """Site paths (`opportunities/a/b/`) that hold redirect pages, to leave out of the sitemap."""
    out = set()
    for source in maps:
        path = source[: -len("index.md")] if source.endswith("/index.md") else source[:-3] + "/"
        out.add("" if path == "index/" else path)
    return out
