"""The editor of one resume: contact, summary, sections, entries, bullets, skills."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import VersionRow
from resume_app.ui.components.inputs import file_upload, labelled, saving_input
from resume_app.ui.components.layout import loaded_page
from resume_app.ui.components.status import icon_button as _icon_button
from resume_app.ui.components.status import save_error, save_indicator
from resume_app.ui.components.versions import delete_version_dialog, version_row
from resume_app.ui.state.editor import (
    BulletView,
    EditorState,
    EntryView,
    FieldView,
    PreviewBlock,
    ProfileView,
    SectionView,
    SkillView,
    UnplacedView,
    field_element_id,
)

IMPORT_UPLOAD_ID = "editor_import"
CONTACT_FIELDS = (
    ("name", "Full name"),
    ("label", "Headline"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("url", "Website"),
    ("city", "City"),
    ("region", "State / region"),
    ("country_code", "Country code"),
)


def _hide_button(item_id: rx.Var, hidden: rx.Var, what: str) -> rx.Component:
    return rx.cond(
        hidden,
        _icon_button("eye-off", f"Show {what}", EditorState.toggle_hidden(item_id), color_scheme="gray"),
        _icon_button("eye", f"Hide {what}", EditorState.toggle_hidden(item_id)),
    )


def _contact_card() -> rx.Component:
    inputs = [
        labelled(
            label,
            saving_input(
                label,
                EditorState.contact[key],
                lambda text, key=key: EditorState.set_contact_field(key, text),
                key=f"contact-{key}-{EditorState.revision}",
                element_id=field_element_id("contact", key),
                unsure=EditorState.contact_unsure[key],
            ),
        )
        for key, label in CONTACT_FIELDS
    ]
    return rx.card(
        rx.vstack(
            rx.heading("Contact", size="4", as_="h2"),
            rx.grid(*inputs, columns="2", spacing="3", width="100%"),
            rx.heading("Profiles", size="2", margin_top="0.5em"),
            rx.foreach(EditorState.profiles, _profile_row),
            rx.button(rx.icon("plus"), "Add profile", on_click=EditorState.add_profile, variant="soft", size="1"),
            labelled(
                "Summary",
                saving_input(
                    "Summary",
                    EditorState.contact["summary"],
                    lambda text: EditorState.set_contact_field("summary", text),
                    key=f"contact-summary-{EditorState.revision}",
                    multiline=True,
                    rows="3",
                    element_id=field_element_id("contact", "summary"),
                    unsure=EditorState.contact_unsure["summary"],
                ),
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        id="contact",
        class_name="editor-anchor",
        width="100%",
    )


def _profile_row(profile: ProfileView) -> rx.Component:
    key = f"{EditorState.revision}-{profile.index}"
    return rx.hstack(
        *[
            saving_input(
                label,
                getattr(profile, field_name),
                lambda text, field_name=field_name: EditorState.set_profile_field(profile.index, field_name, text),
                key=f"profile-{field_name}-{key}",
                placeholder=label,
            )
            for field_name, label in (("network", "Network"), ("username", "Username"), ("url", "Profile URL"))
        ],
        _icon_button("trash-2", "Delete profile", EditorState.delete_profile(profile.index), color_scheme="red"),
        width="100%",
        align="center",
    )


def _entry_field(entry: EntryView, field: FieldView) -> rx.Component:
    def control(multiline: bool) -> rx.Component:
        return saving_input(
            field.label,
            field.value,
            lambda text: EditorState.set_entry_field(entry.id, field.key, text),
            key=f"{entry.id}-{field.key}-{EditorState.revision}",
            element_id="field-" + entry.id + "-" + field.key,
            multiline=multiline,
            placeholder=field.placeholder,
            unsure=field.unsure,
        )

    return labelled(field.label, rx.cond(field.kind == "long", control(True), control(False)))


def _bullet_row(bullet: BulletView) -> rx.Component:
    return rx.hstack(
        rx.icon_button(
            rx.icon("grip-vertical", size=16),
            id=f"handle-{bullet.id}",
            aria_label="Reorder bullet with the arrow keys",
            title="Focus and press the up or down arrow key to move this bullet (Alt+arrow while typing)",
            class_name="bullet-handle",
            variant="ghost",
            color_scheme="gray",
            size="1",
        ),
        saving_input(
            "Bullet text",
            bullet.text,
            lambda text: EditorState.set_bullet_text(bullet.id, text),
            key=f"{bullet.id}-{EditorState.revision}",
            multiline=True,
            rows="2",
            element_id=f"bullet-{bullet.id}",
            unsure=bullet.unsure,
            # Dimmed, still readable: the text stays above 4.5:1 on white.
            opacity=rx.cond(bullet.hidden, "0.75", "1"),
        ),
        rx.vstack(
            _icon_button("arrow-up", "Move bullet up", EditorState.move_bullet(bullet.id, -1)),
            _icon_button("arrow-down", "Move bullet down", EditorState.move_bullet(bullet.id, 1)),
            spacing="1",
        ),
        rx.vstack(
            _hide_button(bullet.id, bullet.hidden, "bullet"),
            _icon_button("trash-2", "Delete bullet", EditorState.delete_bullet(bullet.id), color_scheme="red"),
            spacing="1",
        ),
        key=bullet.id,
        width="100%",
        align="center",
        class_name="bullet-row",
        data_bullet_id=bullet.id,
    )


def _entry_line(entry: EntryView, is_open: rx.Var) -> rx.Component:
    """The heading line: position at company, dates; a button that opens and closes the entry."""
    return rx.el.h3(
        rx.el.button(
            rx.cond(is_open, rx.icon("chevron-down", size=18), rx.icon("chevron-right", size=18)),
            rx.el.span(
                rx.el.span(entry.heading, class_name="entry-heading"),
                rx.el.span(
                    rx.cond(entry.dates != "", rx.el.span(entry.dates, class_name="entry-dates")),
                    rx.cond(entry.bullet_summary != "", rx.el.span(entry.bullet_summary)),
                    class_name="entry-meta",
                ),
                class_name="entry-line",
            ),
            type="button",
            on_click=EditorState.toggle_entry(entry.id),
            aria_expanded=rx.cond(is_open, "true", "false"),
            aria_controls="entry-body-" + entry.id,
            class_name="entry-toggle",
        ),
        style={"margin": "0", "flex": "1", "min_width": "0", "display": "flex"},
    )


def _entry_body(entry: EntryView) -> rx.Component:
    return rx.vstack(
        rx.grid(
            rx.foreach(entry.fields, lambda field: _entry_field(entry, field)),
            columns="2",
            spacing="3",
            width="100%",
        ),
        rx.cond(
            entry.has_bullets,
            rx.vstack(
                rx.text("Bullets", size="2", weight="bold"),
                rx.vstack(rx.foreach(entry.bullets, _bullet_row), width="100%", spacing="2", class_name="bullet-list"),
                rx.button(
                    rx.icon("plus"),
                    "Add bullet",
                    on_click=EditorState.add_bullet(entry.id),
                    variant="soft",
                    size="1",
                ),
                width="100%",
                spacing="2",
            ),
        ),
        id="entry-body-" + entry.id,
        spacing="3",
        width="100%",
        class_name="entry-body",
    )


def _entry_card(entry: EntryView) -> rx.Component:
    """An entry, collapsed to its heading line until opened (EditorState.open_entries)."""
    is_open = EditorState.open_entries.contains(entry.id)
    return rx.card(
        rx.vstack(
            rx.hstack(
                _entry_line(entry, is_open),
                rx.cond(
                    entry.unsure_count > 0,
                    rx.badge(
                        rx.icon("triangle-alert", size=12),
                        entry.unsure_count,
                        " to check",
                        color_scheme="amber",
                        variant="soft",
                        class_name="entry-unsure",
                        title="The importer was not sure about some of this entry: open it and check the amber fields.",
                    ),
                ),
                rx.cond(entry.hidden, rx.badge("Hidden from exports", color_scheme="gray", variant="soft")),
                _icon_button("chevron-up", "Move entry up", EditorState.move_entry(entry.id, -1)),
                _icon_button("chevron-down", "Move entry down", EditorState.move_entry(entry.id, 1)),
                _hide_button(entry.id, entry.hidden, "entry"),
                _icon_button("trash-2", "Delete entry", EditorState.delete_entry(entry.id), color_scheme="red"),
                width="100%",
                align="center",
            ),
            rx.cond(is_open, _entry_body(entry)),
            spacing="3",
            width="100%",
        ),
        key=entry.id,
        width="100%",
        class_name=rx.cond(entry.hidden, "entry-card entry-hidden", "entry-card"),
        data_entry_id=entry.id,
        data_open=rx.cond(is_open, "true", "false"),
        data_unsure=entry.unsure_count,
    )


def _skill_row(skill: SkillView) -> rx.Component:
    return rx.hstack(
        saving_input(
            "Skill",
            skill.name,
            lambda text: EditorState.set_skill_field(skill.id, "name", text),
            key=f"{skill.id}-name-{EditorState.revision}",
            placeholder="Skill or group",
        ),
        saving_input(
            "Level",
            skill.level,
            lambda text: EditorState.set_skill_field(skill.id, "level", text),
            key=f"{skill.id}-level-{EditorState.revision}",
            placeholder="Level",
        ),
        saving_input(
            "Keywords",
            skill.keywords,
            lambda text: EditorState.set_skill_field(skill.id, "keywords", text),
            key=f"{skill.id}-keywords-{EditorState.revision}",
            placeholder="Keywords, comma-separated",
        ),
        _hide_button(skill.id, skill.hidden, "skill"),
        _icon_button("trash-2", "Delete skill", EditorState.delete_skill(skill.id), color_scheme="red"),
        key=skill.id,
        width="100%",
        align="center",
        class_name="skill-row",
    )


def _section(section: SectionView) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(section.heading, size="5", as_="h2"),
            _hide_button(section.id, section.hidden, "section"),
            rx.cond(section.hidden, rx.badge("Hidden from exports", color_scheme="gray")),
            rx.spacer(),
            rx.cond(
                section.is_skills,
                rx.button(rx.icon("plus"), "Add skill", on_click=EditorState.add_skill, variant="soft", size="1"),
                rx.button(
                    rx.icon("plus"), "Add entry", on_click=EditorState.add_entry(section.kind), variant="soft", size="1"
                ),
            ),
            width="100%",
            align="center",
        ),
        rx.cond(
            section.unsure,
            rx.callout(
                "Your file has this heading, but nothing under it was read. "
                "Its lines are under Not placed below: add them here, or type the entries.",
                icon="triangle-alert",
                color_scheme="amber",
                width="100%",
                class_name="empty-section-notice",
                id="empty-" + section.id,
                tab_index=-1,
            ),
        ),
        rx.cond(
            section.is_skills,
            rx.vstack(rx.foreach(section.skill_views, _skill_row), width="100%", spacing="2"),
            rx.vstack(rx.foreach(section.entry_views, _entry_card), width="100%", spacing="3"),
        ),
        width="100%",
        spacing="3",
        class_name="resume-section editor-anchor",
        id="section-" + section.kind,
        data_kind=section.kind,
        key=section.id,
    )


def _unplaced_row(line: UnplacedView) -> rx.Component:
    """One line of the file in no field: its text, where it sat, and what to do with it."""
    return rx.hstack(
        rx.vstack(
            rx.text(line.text, size="2", class_name="unplaced-text"),
            rx.hstack(
                rx.badge(line.where, color_scheme="gray", variant="soft"),
                rx.cond(line.reason != "", rx.text(line.reason, size="1", color_scheme="gray")),
                rx.cond(line.line != "", rx.text("from: ", line.line, size="1", color_scheme="gray")),
                spacing="2",
                wrap="wrap",
            ),
            spacing="1",
            flex="1",
            min_width="0",
        ),
        _icon_button("copy", "Copy the text", rx.set_clipboard(line.text)),
        rx.menu.root(
            rx.menu.trigger(
                rx.button(rx.icon("list-plus"), "Add as bullet", variant="soft", size="1", class_name="add-as-bullet")
            ),
            rx.menu.content(
                rx.foreach(
                    EditorState.bullet_targets,
                    lambda target: rx.menu.item(
                        target.label, on_click=EditorState.place_as_bullet(line.id, target.value)
                    ),
                ),
            ),
        ),
        rx.menu.root(
            rx.menu.trigger(rx.button(rx.icon("plus"), "New entry", variant="soft", size="1")),
            rx.menu.content(
                rx.foreach(
                    EditorState.entry_kinds,
                    lambda kind: rx.menu.item(kind.label, on_click=EditorState.place_as_entry(line.id, kind.value)),
                ),
            ),
        ),
        _icon_button("x", "Dismiss: leave this line out", EditorState.dismiss_unplaced(line.id)),
        width="100%",
        align="center",
        class_name="unplaced-line",
        key=line.id,
    )


def _not_placed_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Not placed", size="4", as_="h2"),
            rx.text(
                "These lines of your file are in no field yet. Add each where it belongs, or dismiss it.",
                size="2",
                color_scheme="gray",
            ),
            rx.vstack(rx.foreach(EditorState.unplaced_lines, _unplaced_row), width="100%", spacing="2"),
            rx.cond(
                EditorState.skipped_lines.length() > 0,
                rx.el.details(
                    rx.el.summary(
                        f"Left out on purpose ({EditorState.skipped_lines.length()})",
                        class_name="skipped-summary",
                    ),
                    rx.vstack(rx.foreach(EditorState.skipped_lines, _unplaced_row), width="100%", spacing="2"),
                    width="100%",
                ),
            ),
            width="100%",
            spacing="3",
        ),
        id="not-placed",
        class_name="editor-anchor",
        width="100%",
    )


def _import_notice() -> rx.Component:
    return rx.callout(
        rx.hstack(
            rx.text(EditorState.import_summary),
            rx.cond(
                EditorState.unplaced_lines.length() > 0,
                rx.link("See them", href="#not-placed"),
            ),
            spacing="2",
            wrap="wrap",
        ),
        icon="file-check",
        color_scheme=rx.cond(EditorState.unplaced_lines.length() > 0, "amber", "green"),
        width="100%",
        id="import-summary",
    )


def _preview_block(block: PreviewBlock) -> rx.Component:
    return rx.match(
        block.kind,
        ("name", rx.text(block.text, weight="bold", size="6")),
        ("contact", rx.text(block.text, size="2")),
        ("heading", rx.text(block.text, weight="bold", size="4", margin_top="0.6em", class_name="preview-heading")),
        (
            "entry",
            rx.hstack(
                rx.text(rx.text.strong(block.text)),
                rx.spacer(),
                rx.text(block.dates),
                width="100%",
                margin_top="0.4em",
                size="2",
            ),
        ),
        (
            "organization",
            rx.hstack(rx.text(block.text), rx.spacer(), rx.text(block.place), width="100%", size="2"),
        ),
        (
            "bullet",
            # A list of one per bullet: the preview's blocks come one by one (export.layout).
            rx.el.ul(
                rx.el.li(block.text),
                style={"margin": "0", "padding_left": "1.2em", "font_size": "0.875rem", "list_style": "disc"},
            ),
        ),
        rx.text(block.text, size="2"),
    )


def _preview() -> rx.Component:
    """The resume as the DOCX and PDF will read: same text, same order (export.layout)."""
    return rx.card(
        rx.vstack(
            rx.foreach(EditorState.preview, _preview_block),
            spacing="1",
            width="100%",
            style={"font_family": "Calibri, Carlito, Arial, sans-serif", "color": "black"},
        ),
        id="export-preview",
        width="100%",
        style={"background": "white", "padding": "2.5em", "box_shadow": "0 1px 6px rgba(0,0,0,0.15)"},
    )


def _navigator() -> rx.Component:
    """Links that jump to each part of the page, and opening or closing every entry."""
    return rx.el.nav(
        rx.hstack(
            rx.link("Contact", href="#contact", size="2"),
            rx.foreach(
                EditorState.sections,
                lambda section: rx.link(section.heading, href="#section-" + section.kind, size="2"),
            ),
            rx.cond(
                (EditorState.unplaced_lines.length() > 0) | (EditorState.skipped_lines.length() > 0),
                rx.link("Not placed", href="#not-placed", size="2"),
            ),
            rx.spacer(),
            rx.button("Open all", on_click=EditorState.open_all_entries, variant="ghost", size="1"),
            rx.button("Close all", on_click=EditorState.close_all_entries, variant="ghost", size="1"),
            spacing="3",
            wrap="wrap",
            align="center",
            width="100%",
        ),
        aria_label="Sections of the resume",
        id="section-nav",
        style={"width": "100%"},
    )


def _unsure_walker() -> rx.Component:
    """How many amber fields are left, and a button that goes to the next one."""
    return rx.cond(
        EditorState.unsure_count > 0,
        rx.hstack(
            rx.badge(
                rx.icon("triangle-alert", size=12),
                EditorState.unsure_count,
                " to check",
                color_scheme="amber",
                id="unsure-count",
            ),
            rx.button(
                rx.icon("arrow-down-to-line"),
                "Next unsure field",
                on_click=EditorState.next_unsure,
                color_scheme="amber",
                variant="soft",
                size="2",
                id="next-unsure",
            ),
            rx.cond(
                EditorState.unsure_current != "",
                rx.button(
                    rx.icon("check"),
                    "Looks right",
                    on_click=EditorState.confirm_unsure,
                    color_scheme="amber",
                    variant="outline",
                    size="2",
                    id="confirm-unsure",
                    title="Keep this field as it is and go on to the next unsure one",
                ),
            ),
            spacing="2",
            align="center",
        ),
    )


def _toolbar() -> rx.Component:
    """The bar that stays in view: title, save badge, the amber-field walker, actions, sections."""
    return rx.vstack(
        rx.hstack(
            rx.heading(EditorState.title, size="6", id="resume-title", as_="h1", trim="both"),
            rx.spacer(),
            _unsure_walker(),
            # Where "Next unsure field" asks the cursor to go; assets/keyboard.js puts it there.
            rx.el.span(
                id="focus-request",
                data_target=EditorState.unsure_current,
                data_seq=EditorState.focus_seq,
                hidden=True,
            ),
            save_indicator(EditorState),
            width="100%",
            align="center",
            spacing="3",
        ),
        _actions(),
        _navigator(),
        width="100%",
        spacing="2",
        padding_y="0.6em",
        class_name="editor-bar",
        id="editor-bar",
    )


def _actions() -> rx.Component:
    return rx.hstack(
        rx.button(
            rx.icon("eye"),
            rx.cond(EditorState.show_preview, "Hide preview", "Preview"),
            on_click=EditorState.toggle_preview,
            variant="outline",
        ),
        rx.button(rx.icon("download"), "DOCX", on_click=EditorState.download("docx"), aria_label="Download DOCX"),
        rx.button(
            rx.icon("download"), "PDF", on_click=EditorState.download("pdf"), variant="soft", aria_label="Download PDF"
        ),
        rx.button(
            rx.icon("download"),
            "JSON Resume",
            on_click=EditorState.download("json"),
            variant="soft",
            aria_label="Download JSON Resume",
        ),
        file_upload(
            "Import another resume file",
            rx.button(rx.icon("upload"), "Import another file", variant="soft", color_scheme="gray"),
            id=IMPORT_UPLOAD_ID,
            multiple=False,
            on_drop=EditorState.import_file(rx.upload_files(upload_id=IMPORT_UPLOAD_ID)),
        ),
        width="100%",
        align="center",
        spacing="2",
        wrap="wrap",
    )


def _version_row(version: VersionRow) -> rx.Component:
    return version_row(version.name, version.id, EditorState.ask_delete_version(version.id, version.name))


def _delete_version_dialog() -> rx.Component:
    return delete_version_dialog(
        EditorState.version_to_delete_name,
        "this resume",
        EditorState.delete_version,
        EditorState.cancel_delete_version,
        EditorState.version_to_delete != "",
    )


def _versions_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading("Tailored versions", size="4", as_="h2"),
                rx.spacer(),
                rx.button(rx.icon("target"), "Tailor to a job", on_click=EditorState.new_version),
                width="100%",
                align="center",
            ),
            rx.cond(
                EditorState.version_links.length() > 0,
                rx.vstack(rx.foreach(EditorState.version_links, _version_row), width="100%", spacing="1"),
                rx.text(
                    "Paste a job posting and get this resume's best bullets for it, in one version per job.",
                    size="2",
                    color_scheme="gray",
                ),
            ),
            _delete_version_dialog(),
            width="100%",
            id="tailored-versions",
        ),
        width="100%",
    )


def _editor() -> rx.Component:
    return rx.vstack(
        rx.link("← All resumes", href="/", size="2"),
        _toolbar(),
        _versions_card(),
        rx.cond(EditorState.import_summary != "", _import_notice()),
        rx.cond(
            EditorState.unsure_count > 0,
            rx.callout(
                EditorState.unsure_message,
                icon="info",
                color_scheme="amber",
                width="100%",
                id="unsure-notice",
            ),
        ),
        rx.cond(
            EditorState.page_warning != "",
            rx.callout(EditorState.page_warning, icon="info", color_scheme="amber", width="100%", id="page-warning"),
        ),
        save_error(EditorState),
        rx.cond(EditorState.show_preview, _preview()),
        _contact_card(),
        rx.foreach(EditorState.sections, _section),
        rx.cond(
            (EditorState.unplaced_lines.length() > 0) | (EditorState.skipped_lines.length() > 0),
            _not_placed_card(),
        ),
        rx.cond(
            EditorState.missing_sections.length() > 0,
            rx.hstack(
                rx.text("Add a section:", size="2"),
                rx.foreach(
                    EditorState.missing_sections,
                    lambda heading: rx.button(
                        heading, on_click=EditorState.add_section(heading), variant="outline", size="1"
                    ),
                ),
                wrap="wrap",
                spacing="2",
            ),
        ),
        width="100%",
        spacing="4",
    )


def editor_page() -> rx.Component:
    return loaded_page(EditorState, "Resume not found", "This resume does not exist in your workspace.", _editor())
