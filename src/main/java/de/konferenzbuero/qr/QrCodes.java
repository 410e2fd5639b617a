package de.konferenzbuero.qr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import io.nayuki.qrcodegen.QrCode;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** QR codes as SVG (for pages) and PNG (for mails, where SVG is not shown), with a quiet zone of four modules. */
public final class QrCodes {

    private static final int BORDER = 4;

    private QrCodes() {
    }

    /** An SVG element scaled by its container; black modules on white, with an accessible name. */
    public static String svg(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
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

    /** A black-and-white PNG of {@code scale} pixels per module. */
    public static byte[] png(String text, int scale) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = (qr.size + BORDER * 2) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[size * size];
        Arrays.fill(white, 1);
        raster.setSamples(0, 0, size, size, 0, white);
        int[] dark = new int[scale * scale];
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    raster.setSamples((x + BORDER) * scale, (y + BORDER) * scale, scale, scale, 0, dark);
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // In memory, not through ImageIO's temporary file: that is closed by a shutdown hook, so a sign-up in flight
        // during a graceful shutdown would fail; and a file costs more than the few hundred bytes of a QR code.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
