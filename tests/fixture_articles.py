"""Our fixture articles as ingestable records, and one hostile article (markup, handlers, script URLs)."""
from __future__ import annotations

import json
from pathlib import Path

OWN_FIXTURES = Path(__file__).resolve().parent / "fixtures"

HOSTILE = {
    "id": "wc-hostile-01", "outlet": "<b onmouseover=alert(3)>Evil Wire</b>", "published": "2024-02-15",
    "title": "<script>window.__pwned=1</script>Rockets hit Erbil<img src=x onerror=\"window.__pwned=2\">",
    "url": "javascript:window.__pwned=4",
    "text": ("Rockets struck a base near Erbil on Tuesday, killing 3 soldiers, police said. "
             "<script>window.__pwned=5</script> The governor said \"<img src=x onerror=window.__pwned=6> "
             "we will respond\" and <a href=\"javascript:window.__pwned=7\">click</a> officials added nothing."),
}


def fixture_records() -> list[dict]:
    """Our annotated fixture articles (with a made-up URL each) plus one hostile article."""
    out = []
    for path in sorted(OWN_FIXTURES.glob("wc-*.json")):
        r = json.loads(path.read_text(encoding="utf-8"))
        out.append({**r, "url": r.get("url") or f"https://example.org/{r['id']}"})
    return out + [HOSTILE]
