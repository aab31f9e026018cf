"""The explainer's MkDocs integration: small modules, one job each, that adapt MkDocs'
events to the core (`explainer`, which knows nothing of MkDocs).

A site's hooks file (named under `hooks:` in its mkdocs.yml) is one line,
`from mkdocs_explainer.hooks import *`: `hooks` is the table of MkDocs events, and calls
these modules:

- `state`: what one build (all its language passes) shares;
- `i18n`: the coupling with mkdocs-static-i18n (languages, per-language files, switcher);
- `pages`: the generated pages as MkDocs files and pages;
- `staging`: building into `<site_dir>.partial`, put in place only on success;
- `search`: one search index per language;
- `sitemaps`: one sitemap per language, and a reproducible `sitemap.xml.gz`;
- `not_found`: a 404 page per language; the root one, the default language's, links
  every language and hands the addresses under another language's folder to its page;
- `theme`: what the pages need from the configuration, and the generator's templates
  (`overrides/`: footer, 404 page, tab title), which speak the page's language;
- `toc`: `toc_depth` in a page's front matter.
"""
