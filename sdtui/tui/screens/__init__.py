"""The app's screens: Home, Prepare, Run, Close, and the dialogs they open."""
