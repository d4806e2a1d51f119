"""Reading exported minutes the way a Markdown viewer does, to check their structure in tests."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

PARSER = MarkdownIt("commonmark").enable("table")


def parse(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(PARSER.parse(markdown))


def walk(node: SyntaxTreeNode):
    yield node
    for child in node.children:
        yield from walk(child)


def text_of(node: SyntaxTreeNode) -> str:
    """The text a reader sees in a node: its text, soft breaks as spaces, hard breaks as new lines."""
    parts = []
    for inner in walk(node):
        if inner.type in ("text", "code_inline"):
            parts.append(inner.content)
        elif inner.type == "softbreak":
            parts.append(" ")
        elif inner.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def headings(tree: SyntaxTreeNode, tag: str) -> list[str]:
    return [text_of(n) for n in walk(tree) if n.type == "heading" and n.tag == tag]


def tables(tree: SyntaxTreeNode) -> list[list[list[str]]]:
    """Each table as rows of cell texts, header row first."""
    return [
        [[text_of(cell) for cell in row.children] for row in walk(table) if row.type == "tr"]
        for table in walk(tree)
        if table.type == "table"
    ]


def structure(tree: SyntaxTreeNode) -> list[tuple[str, str | int]]:
    """The shape of the document: headings by level, and each table's width and height."""
    shape: list[tuple[str, str | int]] = []
    for node in walk(tree):
        if node.type == "heading":
            shape.append((node.tag, 0))
        elif node.type == "table":
            rows = [row for row in walk(node) if row.type == "tr"]
            shape.append(("table", f"{len(rows[0].children)}x{len(rows)}"))
    return shape


def no_html(tree: SyntaxTreeNode) -> bool:
    return not any(n.type in ("html_inline", "html_block") for n in walk(tree))


def squeeze(text: str) -> str:
    return " ".join(text.split())
