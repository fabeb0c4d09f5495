"""``python -m qa index | ask | eval | serve`` — the command line of DESIGN.md — and ``fetch``
(setup: download and verify the models, so that run time needs no network).

Exit codes: 0 success, 2 bad usage (argparse's own code), 1 failure with a one-line error on
stderr (with ``--json``, also ``{"error": …, "exit_code": …}`` on stdout once the arguments parse).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from .logs import configure_logging
from .text import first_line

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


GENERATORS = ("llama.cpp", "transformers", "openai", "extractive")


class UsageError(Exception):
    """Bad input from the command line: exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m qa", description=(
        "Policy Q&A assistant: answers questions about the documents in source_docs/ with "
        "citations to their sections."))
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("index", help="build or update the index")
    p.add_argument("--source", type=Path, help="folder of the documents (default: source_docs/)")
    p.add_argument("--index", type=Path, help="folder of the index (default: index/)")
    p.add_argument("--rebuild", action="store_true", help="rebuild even when the index is current")

    p = sub.add_parser("add", help="add documents to the source folder (or replace them) and update the index")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=".txt .md .docx .pdf .html")
    p.add_argument("--replace", action="store_true",
                   help="replace a document already held under the same id (X.txt by another X.txt or X.md)")

    p = sub.add_parser("remove", help="remove documents from the source folder and update the index")
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="document id: the file name without suffix")

    p = sub.add_parser("ask", help="answer one question")
    p.add_argument("question", help="the question, in Chinese or English; - reads it from stdin")
    p.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    p.add_argument("--generator", choices=GENERATORS)
    p.add_argument("--top-k", type=int, help="sections to draw evidence from")
    p.add_argument("--doc", action="append", metavar="DOC_ID",
                   help="answer from this document only (its id: the file name without suffix; repeatable)")

    p = sub.add_parser("eval", help="score a gold question set (JSON Lines)")
    p.add_argument("file", type=Path, help="gold questions, format of shared/eval/dev.jsonl")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--generator", choices=GENERATORS)
    p.add_argument("--out", type=Path, help="write per-question results to this JSON file")
    p.add_argument("--compare", metavar="NAMES",
                   help="comma-separated generators scored side by side on the same questions, "
                        "e.g. extractive,llama.cpp")

    p = sub.add_parser("fetch", help="download and verify the configured models into the cache (setup)")

    p = sub.add_parser("serve-model", help="serve the default generator over an OpenAI-compatible API "
                                           "(llama_cpp.server; for QA_GENERATOR=openai)")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")

    p = sub.add_parser("serve", help="start the chat app (same as python app.py)")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1, or QA_HOST)")
    p.add_argument("--port", type=int, help="port (default 7860, or QA_PORT)")
    return parser


def _settings(args):
    from pydantic import ValidationError

    from .config import load_settings

    overrides = {
        "source_dir": getattr(args, "source", None), "index_dir": getattr(args, "index", None),
        "generator": getattr(args, "generator", None), "top_k": getattr(args, "top_k", None),
        "host": getattr(args, "host", None), "port": getattr(args, "port", None),
    }
    try:
        return load_settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "settings"
        if first["loc"] and isinstance(first["loc"][0], str):
            name = first["loc"][0]
            # the flag the user passed, else the environment variable (or qa.toml) it came from
            flag = {"source_dir": "--source", "index_dir": "--index", "top_k": "--top-k"}.get(name, f"--{name}")
            where += f" ({flag})" if overrides.get(name) is not None else f" (QA_{name.upper()})"
        raise UsageError(f"bad setting {where}: {first['msg']}") from exc
    except (ValueError, UnicodeDecodeError) as exc:      # the TOML file itself is unreadable
        path = os.environ.get("QA_CONFIG", "qa.toml")
        raise UsageError(f"cannot read the settings file {path}: {first_line(exc)}") from exc


def _run(args) -> int:
    settings = _settings(args)
    if args.command == "index":
        return _index(settings, args.rebuild)

    if args.command == "add":
        _add(settings, args.files, replace=args.replace)
        return _index(settings)

    if args.command == "remove":
        _remove(settings, args.doc_ids)
        return _index(settings)

    if args.command == "serve-model":
        from .model_server import server_command
        from .models import REGISTRY, ensure_model

        if settings.generator_model not in REGISTRY:
            raise UsageError(f"serve-model serves a registry model ({', '.join(REGISTRY)}); "
                             f"got {settings.generator_model!r}")
        path = ensure_model(settings.generator_model, settings.model_cache, allow_downloads=settings.allow_downloads)
        command = server_command(path, args.host or "127.0.0.1", args.port, settings.generator_model,
                                 settings.n_ctx, settings.n_threads)
        print(f"serving {settings.generator_model} at http://{args.host or '127.0.0.1'}:{args.port}/v1 "
              f"(QA_GENERATOR=openai QA_OPENAI_BASE_URL=http://{args.host or '127.0.0.1'}:{args.port}/v1)",
              file=sys.stderr)
        sys.stderr.flush()
        os.execv(command[0], command)          # the server replaces this process: a signal reaches it

    if args.command == "serve":
        from .serve import main as serve_main

        serve_main(settings)
        return 0

    if args.command == "fetch":
        return _fetch(settings)

    from .engine import Assistant, QuestionError

    if args.command == "ask":
        if args.question == "-":
            if sys.stdin is None:
                raise UsageError("no question on stdin (ask - reads it from there)")
            args.question = sys.stdin.buffer.read().decode("utf-8", errors="replace")
        if not args.question.strip():
            raise UsageError("the question is empty")
        assistant = Assistant(settings, progress=not args.json)
        unknown = sorted(set(args.doc or ()) - assistant.index.documents.keys())
        if unknown:
            raise UsageError(f"no document {', '.join(unknown)}; documents: {', '.join(sorted(assistant.index.documents))}")
        try:
            answer = assistant.ask(args.question, documents=set(args.doc or ()) or None)
        except QuestionError as exc:
            raise UsageError(str(exc)) from exc
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        else:
            from .render import MODE_BADGES

            print(f"{MODE_BADGES.get(answer.mode, '')} {answer.text}".strip())
            for note in answer.notes:
                print(note)
            for c in answer.citations:
                print(f"[{c.n}] {c.qualified_label if len(assistant.index.documents) > 1 else c.label}：{c.quote}")
            if answer.abstained:
                for h in answer.retrieved:
                    print(f"  · {assistant.index.label(h.section)}")
        return 0

    if args.command == "eval":
        from .evaluation import evaluate, format_comparison, format_report, load_gold

        rows = load_gold(args.file)
        if args.compare:
            names = [n.strip() for n in args.compare.split(",") if n.strip()]
            unknown = [n for n in names if n not in GENERATORS]
            if unknown or not names:
                raise UsageError(f"--compare takes generator names from {', '.join(GENERATORS)}; got {args.compare!r}")
            reports = {}
            for name in names:
                assistant = Assistant(settings.model_copy(update={"generator": name}), progress=not args.json)
                reports[name] = evaluate(assistant, rows, progress=True)
                if assistant.generator_error:
                    reports[name].summary["generator_error"] = assistant.generator_error
            if args.out:
                args.out.write_text(json.dumps({n: {"summary": r.summary, "results": r.results} for n, r in reports.items()},
                                               ensure_ascii=False, indent=2), encoding="utf-8")
            summaries = {n: r.summary for n, r in reports.items()}
            print(json.dumps(summaries, ensure_ascii=False, indent=2) if args.json else format_comparison(summaries))
            return 0
        assistant = Assistant(settings, progress=not args.json)
        report = evaluate(assistant, rows, progress=True)
        if args.out:
            args.out.write_text(json.dumps({"summary": report.summary, "results": report.results},
                                           ensure_ascii=False, indent=2), encoding="utf-8")
        print(json.dumps(report.summary, ensure_ascii=False, indent=2) if args.json else format_report(report.summary))
        return 0
    raise UsageError(f"unknown command {args.command}")


def _fetch(settings) -> int:
    """Setup step: put the generator's weights (SHA-256 verified) and the embedder in place,
    so that the app needs no network at run time."""
    from .embedding import load_embedder
    from .models import REGISTRY, ensure_model

    embedder = load_embedder(settings.embedder, allow_downloads=True)
    print(f"embedder ready: {embedder.name}")
    if settings.generator in ("llama.cpp", "transformers") and settings.generator_model in REGISTRY:
        path = ensure_model(settings.generator_model, settings.model_cache, progress=True, allow_downloads=True)
        print(f"generator ready: {path} (SHA-256 verified)")
    else:
        print(f"generator: {settings.generator} {settings.generator_model} (nothing to fetch)")
    return 0


def _index(settings, rebuild: bool = False) -> int:
    """Build or update the index; prints the files skipped, the documents added, changed and
    removed, and the counts."""
    from .documents import readable_documents
    from .embedding import load_embedder
    from .index import changes, current_manifest, ensure_index

    documents, _ = readable_documents(settings.source_dir)      # each skipped file is logged, by name
    before = current_manifest(settings.index_dir)
    index = ensure_index(settings.index_dir, documents, load_embedder(settings.embedder, settings.allow_downloads),
                         rebuild=rebuild, progress=True)
    if before is None or index.manifest.get("built_at") != before.get("built_at"):    # it was (re)built
        diff = changes(before, documents)
        for kind in ("added", "changed", "removed"):
            if diff[kind]:
                print(f"{kind}: {', '.join(diff[kind])}")
    counts = index.manifest["counts"]
    print(f"index ready in {settings.index_dir}: {counts['documents']} document(s), "
          f"{counts['sections']} sections, {counts['sentences']} sentences, "
          f"embedder {index.manifest['embedder']['id']}, built {index.manifest['built_at']}")
    return 0


def _add(settings, files: list[Path], replace: bool = False) -> None:
    """Copy readable documents into the source folder. Raises :class:`UsageError` naming a file
    that is missing, hidden (its name starts with a dot: the folder scan skips it), of another
    format or unreadable, or one whose document id the folder already holds with other contents
    (the same name or another format) unless ``replace`` — then nothing is copied."""
    import shutil

    from .documents import DocumentError, document_paths, load_document
    from .extraction import SUPPORTED_SUFFIXES

    for path in files:
        if path.is_dir():
            raise UsageError(f"{path} is a folder: name the files in it")
        if not path.is_file():
            raise UsageError(f"no such file: {path}")
        if path.name.startswith("."):
            raise UsageError(f"{path.name}: a hidden file (its name starts with a dot) is never indexed; rename it")
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise UsageError(f"{path.name}: unsupported format (supported: {', '.join(SUPPORTED_SUFFIXES)})")
        try:
            load_document(path)
        except DocumentError as exc:
            raise UsageError(str(exc)) from exc
    held = {p.stem: p for p in document_paths(settings.source_dir)} if settings.source_dir.is_dir() else {}
    # a document held under the same id is replaced only when asked: another format (X.md for
    # X.txt), or the same name with other contents (breaker: a 92-byte X.txt had silently
    # replaced the 28 KB notice)
    clashes = [f"{held[p.stem].name} (by {p.name})" for p in files
               if p.stem in held and held[p.stem].resolve() != p.resolve()
               and (held[p.stem].name != p.name or held[p.stem].read_bytes() != p.read_bytes())]
    if clashes and not replace:
        raise UsageError(f"would replace {', '.join(clashes)}: a document id is its file name without suffix; "
                         f"pass --replace to replace it, or rename the new file")
    settings.source_dir.mkdir(parents=True, exist_ok=True)
    for path in files:
        target = settings.source_dir / path.name
        if target.exists() and target.resolve() == path.resolve():
            continue                                   # already the folder's own file
        for other in document_paths(settings.source_dir):   # one file per document id: the same stem, exactly
            if other.stem == path.stem and other.name != path.name:
                print(f"replaced: {other.name}")
                other.unlink()
        shutil.copyfile(path, target)


def _remove(settings, doc_ids: list[str]) -> None:
    """Delete the documents' files from the source folder. Raises :class:`UsageError` for an
    unknown id (then nothing is deleted)."""
    from .documents import document_paths, scan_documents

    paths = document_paths(settings.source_dir) if settings.source_dir.is_dir() else []
    known = {p.stem for p in paths}
    unknown = [d for d in doc_ids if d not in known]
    if unknown:
        raise UsageError(f"no document {', '.join(unknown)}; documents: {', '.join(sorted(known))}")
    readable = {d.doc_id for d in scan_documents(settings.source_dir)[0]}
    if not readable - set(doc_ids):
        raise UsageError("that would leave no readable document: add the new ones first, then remove the old")
    for path in paths:
        if path.stem in doc_ids:
            path.unlink()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)  # exits 2 on bad usage
    configure_logging(logging.INFO if args.verbose else logging.WARNING)
    try:
        return _run(args)
    except UsageError as exc:
        return _fail(args, str(exc), 2)
    except KeyboardInterrupt:
        return _fail(args, "interrupted", 1)
    except Exception as exc:  # one line, never a traceback, for every other failure
        if args.verbose:
            logging.exception("failed")
        return _fail(args, first_line(exc, 1000), 1)


def _fail(args, message: str, code: int) -> int:
    """Tell a failure: one line on stderr, and with ``--json`` also ``{"error": …, "exit_code": …}``
    on stdout, so that a client reading JSON gets JSON. Returns ``code``."""
    print(f"error: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"error": message, "exit_code": code}, ensure_ascii=False))
    return code
