package de.konferenzbuero.qr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;

/** QR codes as SVG (for pages) and PNG (for mails, where SVG is not shown), with a quiet zone of four modules. */
public final class QrCodes {

    private static final int BORDER = 4;

    /**
     * The mask pattern every code is drawn with. Any of the eight is valid and read by every scanner; the standard's
     * choice of the one with the lowest penalty scores all eight, most of the cost of making a code, and gains nothing
     * for a short link shown large on a screen or paper.
     */
    private static final int MASK = 2;

    private QrCodes() {
    }

    /** The code of {@code text}: medium error correction (raised where the version has room), the fixed mask. */
    static QrCode encode(String text) {
        return QrCode.encodeSegments(QrSegment.makeSegments(text), QrCode.Ecc.MEDIUM, QrCode.MIN_VERSION,
                QrCode.MAX_VERSION, MASK, true);
    }

    /** An SVG element scaled by its container; black modules on white, with an accessible name. */
    public static String svg(String text, String label) {
        QrCode qr = encode(text);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" role=\"img\""
                + " aria-label=\"" + escape(label)
                + "\" class=\"qr\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" + "<path d=\"" + path
                + "\" fill=\"#000\"/></svg>";
    }

    /**
     * A black-and-white PNG of {@code scale} pixels per module: one bit per pixel, written directly (signature, IHDR,
     * one deflated IDAT, IEND), about twenty times cheaper than drawing a BufferedImage and writing it with ImageIO,
     * which was a third of a sign-up's CPU.
     */
    public static byte[] png(String text, int scale) {
        QrCode qr = encode(text);
        int size = (qr.size + BORDER * 2) * scale;
        int rowBytes = (size + 7) / 8;
        byte[] rows = new byte[(rowBytes + 1) * size]; // each row: filter type 0 (none), then the pixels, 1 = white
        for (int y = 0; y < size; y++) {
            int row = y * (rowBytes + 1);
            if (y % scale != 0) {
                System.arraycopy(rows, row - rowBytes - 1, rows, row, rowBytes + 1);
                continue;
            }
            for (int x = 0; x < size; x++) {
                // outside the symbol getModule is false: the white quiet zone
                if (!qr.getModule(x / scale - BORDER, y / scale - BORDER)) {
                    rows[row + 1 + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 1).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(rows);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
