"""The site's MkDocs hooks (named under `hooks:` in mkdocs.yml): the explainer's, from the
`mkdocs_explainer` package."""

import sys
from pathlib import Path

_PROJECT = Path(__file__).resolve().parent.parent
if str(_PROJECT) not in sys.path:
    sys.path.insert(0, str(_PROJECT))

from mkdocs_explainer.hooks import *  # noqa: E402, F403
