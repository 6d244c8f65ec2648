"""Writes the hostile inputs of issue 15 for measure.sh: a PNG whose zTXt chunk inflates to 1 GiB, and a CxF3 body
nested 50,000 deep. Usage: python3 attacks.py <folder>."""
import struct
import sys
import zlib


def chunk(kind: bytes, data: bytes) -> bytes:
    # PNG spec §5.3: length, type, data, CRC-32 of type and data.
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_text_bomb(inflated: int) -> bytes:
    z = zlib.compressobj(9)
    block = bytes(1 << 20)
    text = b"".join(z.compress(block) for _ in range(inflated >> 20)) + z.flush()
    ihdr = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)  # 64 × 64, 8-bit RGB
    pixels = zlib.compress(b"".join(b"\0" + b"\x80" * 64 * 3 for _ in range(64)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"zTXt", b"Comment\0\0" + text)
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def deep_cxf(depth: int) -> bytes:
    head = '<cc:CxF xmlns:cc="http://colorexchangeformat.com/CxF3-core"><cc:Resources><cc:ObjectCollection>'
    tail = "</cc:ObjectCollection></cc:Resources></cc:CxF>"
    return (head + '<cc:Object Id="o" Name="x"><cc:ColorValues>' * depth
            + "</cc:ColorValues></cc:Object>" * depth + tail).encode()


folder = sys.argv[1]
with open(f"{folder}/bomb.png", "wb") as f:
    f.write(png_text_bomb(1 << 30))
with open(f"{folder}/deep.xml", "wb") as f:
    f.write(deep_cxf(50_000))
