"""Draw the scale-out mode (scripts/serve.sh) as docs/architecture.svg from the description of
its parts below: change the topology here, run `python scripts/architecture.py`, and the
picture in the README follows. No hand drawing, no dependencies."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from html import escape
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "architecture.svg"


@dataclass(frozen=True)
class Node:
    key: str
    title: str
    lines: tuple[str, ...]
    column: int
    row: float
    fill: str = "#eef2ff"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    # Where along the line the label sits (0: at the source, 1: at the target).
    at: float = 0.5


# The topology of `bash scripts/serve.sh --replicas N`.
NODES = (
    Node("browser", "Browsers", ("one tab = one session", "workspace key in", "local storage"), 0, 1.5, "#f8fafc"),
    Node("nginx", "nginx :8080", ("the one public port", "least connections,", "passes websockets"), 1, 1.5),
    Node(
        "static",
        "Frontend build",
        ("built once per start", "(.web-serve/), served", "from DATA/frontend/www"),
        1,
        3.1,
        "#f8fafc",
    ),
    Node("r1", "Replica 1", ("reflex run --backend-only", "1 worker, own port", "embedding model loaded once"), 2, 0.4),
    Node("r2", "Replica 2", ("same app, same code", "any replica serves", "any event"), 2, 1.5),
    Node("rn", "Replica N", ("--replicas N", "restarted by serve.sh", "when it dies"), 2, 2.6),
    Node(
        "redis",
        "Redis",
        ("session states, locks,", "which replica holds", "each websocket; pub/sub"),
        3,
        0.7,
        "#fef3c7",
    ),
    Node(
        "postgres",
        "PostgreSQL",
        ("workspaces, resumes,", "versions, postings;", "migrated once at start"),
        3,
        2.3,
        "#dcfce7",
    ),
)
EDGES = (
    Edge("browser", "nginx", "pages, /_event,\n/_upload"),
    Edge("nginx", "static", "/ and /assets"),
    Edge("nginx", "r1", ""),
    Edge("nginx", "r2", "/_event (ws),\n/_upload, /ping,\n/_health"),
    Edge("nginx", "rn", ""),
    Edge("r1", "redis", "states", at=0.3),
    Edge("r2", "redis", ""),
    Edge("rn", "redis", ""),
    Edge("r1", "postgres", ""),
    Edge("r2", "postgres", ""),
    Edge("rn", "postgres", "SQL", at=0.3),
)
CAPTION = (
    "scripts/serve.sh starts PostgreSQL, Redis, the build, the replicas and nginx, writes what it started to "
    "DATA/serve.json, and stops it all on Ctrl-C."
)
FRAME = "one machine, 127.0.0.1 behind nginx"
NOTE = "An update for a websocket held by another replica goes there through Redis pub/sub."

BOX_W, BOX_H = 210, 92
COLUMN_X = (30, 390, 750, 1110)
ROW_H = 110
TOP = 60


def _box(node: Node) -> tuple[float, float]:
    return COLUMN_X[node.column], TOP + node.row * ROW_H


def _anchor(node: Node, toward: Node) -> tuple[float, float]:
    """Where a line from `node` toward `toward` leaves its box (a side's middle)."""
    x, y = _box(node)
    tx, ty = _box(toward)
    if node.column == toward.column:
        return (x + BOX_W / 2, y + BOX_H) if ty > y else (x + BOX_W / 2, y)
    return (x + BOX_W, y + BOX_H / 2) if tx > x else (x, y + BOX_H / 2)


def _node_svg(node: Node) -> str:
    x, y = _box(node)
    parts = [
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="10" fill="{node.fill}" '
        'stroke="#4f46e5" stroke-width="1.5"/>',
        f'<text x="{x + BOX_W / 2}" y="{y + 24}" class="title">{escape(node.title)}</text>',
    ]
    for index, line in enumerate(node.lines):
        parts.append(f'<text x="{x + BOX_W / 2}" y="{y + 46 + index * 16}" class="line">{escape(line)}</text>')
    return "\n".join(parts)


def _edge_svg(edge: Edge, nodes: dict[str, Node]) -> str:
    source, target = nodes[edge.source], nodes[edge.target]
    x1, y1 = _anchor(source, target)
    x2, y2 = _anchor(target, source)
    parts = [
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#334155" stroke-width="1.4" marker-end="url(#arrow)"/>'
    ]
    return "\n".join(parts)


def _label_svg(edge: Edge, nodes: dict[str, Node]) -> str:
    """The edge's label on a white patch, drawn over lines and boxes."""
    if not edge.label:
        return ""
    source, target = nodes[edge.source], nodes[edge.target]
    x1, y1 = _anchor(source, target)
    x2, y2 = _anchor(target, source)
    lx, ly = x1 + (x2 - x1) * edge.at, y1 + (y2 - y1) * edge.at
    lines = edge.label.split("\n")
    width = 7 * max(len(line) for line in lines) + 12
    height = 16 * len(lines) + 4
    top = ly - height / 2
    parts = [f'<rect x="{lx - width / 2}" y="{top}" width="{width}" height="{height}" rx="4" fill="white"/>']
    for index, line in enumerate(lines):
        parts.append(f'<text x="{lx}" y="{top + 14 + index * 16}" class="edge">{escape(line)}</text>')
    return "\n".join(parts)


def render() -> str:
    nodes = {node.key: node for node in NODES}
    width = COLUMN_X[-1] + BOX_W + 30
    bottom = max(TOP + node.row * ROW_H + BOX_H for node in NODES)
    height = bottom + 90
    frame_x = COLUMN_X[1] - 15
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">
<style>
  text {{ font-family: Arial, Helvetica, sans-serif; text-anchor: middle; fill: #0f172a; }}
  .title {{ font-size: 15px; font-weight: bold; }}
  .line {{ font-size: 12px; fill: #334155; }}
  .edge {{ font-size: 11.5px; fill: #1e293b; }}
  .heading {{ font-size: 17px; font-weight: bold; text-anchor: start; }}
  .caption {{ font-size: 12.5px; text-anchor: start; fill: #334155; }}
</style>
<defs>
  <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8"
    orient="auto-start-reverse">
    <path d="M 0 0 L 10 5 L 0 10 z" fill="#334155"/>
  </marker>
</defs>
<rect width="{width}" height="{height}" fill="white"/>
<text x="30" y="30" class="heading">resume_app scale-out mode (bash scripts/serve.sh)</text>
<rect x="{frame_x}" y="{TOP - 20}" width="{width - frame_x - 10}" height="{bottom - TOP + 40}" rx="14"
  fill="none" stroke="#94a3b8" stroke-dasharray="8 5"/>
<text x="{width - 20}" y="{TOP - 26}" class="caption" style="text-anchor: end">{escape(FRAME)}</text>
{chr(10).join(_edge_svg(edge, nodes) for edge in EDGES)}
{chr(10).join(_node_svg(node) for node in NODES)}
{chr(10).join(_label_svg(edge, nodes) for edge in EDGES)}
<text x="30" y="{bottom + 45}" class="caption">{escape(CAPTION)}</text>
<text x="30" y="{bottom + 65}" class="caption">{escape(NOTE)}</text>
</svg>
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(render())
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
