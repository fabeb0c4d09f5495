"""The chat app's entry point: ``python app.py`` serves the assistant on 127.0.0.1:7860 (same
as ``python -m qa serve``; flags ``--host``/``--port``). The app itself is :mod:`qa.serve`."""

import sys

from qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
