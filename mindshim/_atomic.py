"""Replace a file all at once: whoever opens the path sees the old file or the complete new one, never a part.

MindSpore 2.10 deletes the target (and a ``<name>.tmp`` beside it) first and writes ``<name>.tmp``, so a write
that fails part-way (full disk, quota, a signal) loses the old file and leaves the partial one. mindshim writes
to a temporary file of its own in the same folder and renames it onto the target once it is on disk.
"""
import contextlib
import errno
import os
import tempfile


@contextlib.contextmanager
def replacing(path, mode=0o400):
    """Yield the name of a new, empty temporary file beside ``path`` (``.<name>.<random>.tmp``) for the caller to
    write. When the block ends without error the file is flushed to disk (``fsync``), given ``mode`` and renamed
    onto ``path`` (``os.replace``), and the folder is synced so that the rename survives a crash. On any error
    (KeyboardInterrupt included) only that temporary file is removed and ``path`` is left as it was. A process
    killed mid-write (SIGKILL, power loss) leaves the temporary file behind and ``path`` whole."""
    folder, name = os.path.split(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as e:  # no folder, no write permission: say so of the file asked for
        raise type(e)(e.errno, e.strerror, path) from e
    os.close(fd)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.remove(tmp)
        raise
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as e:  # some file systems cannot sync a folder; the file itself is on disk
        if e.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)
