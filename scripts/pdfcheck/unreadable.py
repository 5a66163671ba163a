"""Why a file cannot be read, in plain words (no Python exception names): for the one line the
checker prints for it."""
import os

import pikepdf

MAGIC = [  # how other kinds of file start
    (b"\x89PNG", "it starts like a PNG image"), (b"\xff\xd8\xff", "it starts like a JPEG image"),
    (b"GIF8", "it starts like a GIF image"), (b"II*\x00", "it starts like a TIFF image"),
    (b"MM\x00*", "it starts like a TIFF image"), (b"PK\x03\x04", "it starts like a ZIP archive or an Office document"),
    (b"\xd0\xcf\x11\xe0", "it starts like an old Office document"), (b"%!PS", "it starts like a PostScript file"),
    (b"{\\rtf", "it starts like an RTF document"), (b"\x1f\x8b", "it starts like a gzip archive"),
]


def before_open(path):
    """What is wrong with the path before any PDF is read, or None."""
    if not os.path.lexists(path):
        return "no such file"
    if os.path.isdir(path):
        return "is a folder, not a file"
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except PermissionError:
        return "not allowed to read it (permissions)"
    except OSError as e:
        return f"cannot be opened ({e.strerror or 'error'})"
    if not head:
        return "empty file (0 bytes)"
    if b"%PDF-" in head:
        return None
    for magic, what in MAGIC:
        if head.startswith(magic):
            return f"not a PDF ({what})"
    text = head.lstrip()
    if text[:1] == b"<" and b"html" in text[:200].lower():
        return "not a PDF (it starts like a web page, HTML)"
    try:
        head.decode("utf-8")
        return "not a PDF (it is plain text)"
    except UnicodeDecodeError:
        return "not a PDF (it does not start with %PDF-)"


def after_open(error):
    """What an error of pikepdf.open means."""
    if isinstance(error, pikepdf.PasswordError):
        return "protected by a password (it must be opened without one to be checked)"
    if isinstance(error, pikepdf.PdfError):
        return "cut short or damaged (its cross-reference table or trailer cannot be found or repaired)"
    if isinstance(error, MemoryError):
        return "too large to read"
    return "cannot be read (damaged)"
