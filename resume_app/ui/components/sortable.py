"""Drag-and-drop reordering: SortableJS through react-sortablejs (both maintained on npm).

React keeps owning the DOM: `setList` is a no-op and the library puts a dragged node back
where it was; `on_end` sends the server the dragged row's id and where it was dropped,
the server saves the new order and the list re-renders from state.
"""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.vars.base import Var


def _on_end_args(event: Var) -> tuple[Var[str], Var[int]]:
    # Only plain values cross to the server: the dragged row's data-id and its new index.
    return (
        Var(_js_expr=f"({event}.item.getAttribute('data-id') ?? '')").to(str),
        Var(_js_expr=f"({event}.newIndex ?? -1)").to(int),
    )


class SortableList(rx.NoSSRComponent):
    library = "react-sortablejs@6.1.4"
    tag = "ReactSortable"
    lib_dependencies: list[str] = ["sortablejs@1.15.7"]

    list: Var[list[dict[str, Any]]]
    set_list: Var[Any]
    handle: Var[str]
    animation: Var[int]
    # Mouse events instead of HTML5 drag events: the same in every browser, and scriptable.
    force_fallback: Var[bool]
    group: Var[str]
    ghost_class: Var[str]

    on_end: rx.EventHandler[_on_end_args]

    def _get_dynamic_imports(self) -> str:
        # react-sortablejs is a CommonJS bundle: a static named import is undefined in the
        # server prerender, so the component loads in the browser only.
        return (
            "const ReactSortable = ClientSide(() => import('react-sortablejs')"
            '.then((mod) => mod.ReactSortable ?? mod.default?.ReactSortable), "ReactSortable")'
        )

    @classmethod
    def create(cls, *children, items: Var | None = None, **props):
        """`items`: the state list the children are rendered from (each with an `id`).
        Children need `key` and `data_id` set to the item's id."""
        if items is not None:
            # Id-only copies: the library writes flags onto list items, never onto state objects.
            props["list"] = Var(
                _js_expr=f"(({items}) ?? []).map((item) => ({{id: item.id}}))",
                _var_type=list[dict[str, Any]],
                _var_data=Var.create(items)._get_all_var_data(),
            )
        props.setdefault("set_list", Var(_js_expr="(() => {})"))
        props.setdefault("force_fallback", True)
        props.setdefault("animation", 150)
        return super().create(*children, **props)


sortable_list = SortableList.create
