import reflex as rx

config = rx.Config(
    app_name="resume_app",
    # Nothing leaves the machine: no telemetry.
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo", radius="medium"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
