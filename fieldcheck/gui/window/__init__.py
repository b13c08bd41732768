"""The application window, its dialogs and the settings."""
