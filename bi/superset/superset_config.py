"""Superset's settings for the IND warehouse, read through SUPERSET_CONFIG_PATH (set by serve.py).

Only what differs from Superset's defaults is here; every security default (CSRF, Talisman's
content security policy, the block on unsafe database URIs) stays on. The secrets are not in
the repository: serve.py generates them on first run into $SUPERSET_HOME/secrets.json.
"""

import json
import os
from pathlib import Path

SUPERSET_HOME = Path(os.environ["SUPERSET_HOME"])
_SECRETS = json.loads((SUPERSET_HOME / "secrets.json").read_text(encoding="utf-8"))

SECRET_KEY = _SECRETS["secret_key"]
# Superset's own metadata (users, dashboards, charts), not the warehouse.
SQLALCHEMY_DATABASE_URI = f"sqlite:///{SUPERSET_HOME / 'superset.db'}"
# Without this the UI loads an analytics pixel from outside the machine.
SCARF_ANALYTICS = False
# SCARF_ANALYTICS above is Superset's documented opt-out, yet the 6.1.0 frontend on PyPI still
# asks for the pixel (seen in the browser test). So the content security policy is Superset's
# own with every host off this machine left out (the pixel, map tiles, web fonts): the browser
# then refuses such a request instead of sending it.
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'"],
        "script-src": ["'self'", "'strict-dynamic'"],
    },
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}
