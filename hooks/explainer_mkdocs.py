"""The site's MkDocs hooks (named under `hooks:` in mkdocs.yml): the explainer's, from the
installed generator (`make` installs it into .venv; README, "A new explainer")."""

from mkdocs_explainer.hooks import *  # noqa: F403
