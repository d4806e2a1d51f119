"""The terminal UI: the facilitator's app, the reader, their screens, widgets and styles."""
