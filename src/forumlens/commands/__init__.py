"""Feature commands. Each module here may define `COMMANDS: list[click.Command]`;
`forumlens.cli` adds them to the `forumlens` group. Use `forumlens.cli_support` for
--db, the store and settings."""
