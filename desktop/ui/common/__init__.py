"""What every feature uses: error messages, small dialogs, background workers, document
text shown as plain text, file dialogs that remember their folder, the UI languages.
"""
