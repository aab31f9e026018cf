"""This site's MkDocs hooks (named under `hooks:` in mkdocs.yml): the explainer
generator's, from the package that requirements.txt installs."""

from mkdocs_explainer.hooks import *  # noqa: F403
