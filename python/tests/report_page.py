"""Reading a written report back: the chart specs in its page and the rows inside them."""

from __future__ import annotations

import json
import re


def chart_specs(page: str) -> list[dict]:
    return [
        json.loads(spec.replace("<\\/", "</"))
        for spec in re.findall(r'<script type="application/json" id="spec-\d+">(.*?)</script>', page)
    ]


def without_scripts(page: str) -> str:
    return re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.DOTALL)


def chart_rows(spec: dict) -> list[dict]:
    """Every row of inline data in a chart, wherever the spec holds it (layers, panels, side by side)."""
    if isinstance(spec, list):
        return [row for item in spec for row in chart_rows(item)]
    if not isinstance(spec, dict):
        return []
    rows = list(spec["data"]["values"]) if isinstance(spec.get("data"), dict) and "values" in spec["data"] else []
    return rows + [row for key, value in spec.items() if key != "data" for row in chart_rows(value)]
