package de.konferenzbuero.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.nayuki.qrcodegen.QrCode;

import javax.imageio.ImageIO;

/** The PNG and SVG carry exactly the modules of the QR code, with a white quiet zone, and a scanner reads the link. */
class QrCodesTest {

    static final String TEXT = "https://anmeldung.example.org/organiser/conferences/3/checkin?code=xtunn2sV_xKQG4PMDVZ-";

    @Test
    void aScannerReadsTheLinkFromThePng() throws Exception {
        for (String text : new String[] { TEXT, "https://a.example/c?code=x", TEXT + TEXT }) {
            assertThat(scan(QrCodes.png(text, 6))).isEqualTo(text);
            assertThat(scan(QrCodes.png(text, 2))).as("small, as on a badge").isEqualTo(text);
        }
    }

    @Test
    void pngShowsEveryModuleAtItsPlace() throws Exception {
        QrCode qr = QrCodes.encode(TEXT);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(TEXT, 6)));
        assertThat(image.getWidth()).isEqualTo((qr.size + 8) * 6);
        for (int y = -4; y < qr.size + 4; y++) {
            for (int x = -4; x < qr.size + 4; x++) {
                boolean dark = (image.getRGB((x + 4) * 6 + 3, (y + 4) * 6 + 3) & 0xFFFFFF) == 0;
                assertThat(dark).as("module %d,%d", x, y).isEqualTo(qr.getModule(x, y));
            }
        }
    }

    @Test
    void svgHasAnAccessibleNameAndOnePathPerDarkModule() {
        QrCode qr = QrCodes.encode(TEXT);
        String svg = QrCodes.svg(TEXT, "QR-Code für \"Erika\" <Einlass>");
        int dark = 0;
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                dark += qr.getModule(x, y) ? 1 : 0;
            }
        }
        assertThat(svg).startsWith("<svg").contains("role=\"img\"")
                .contains("aria-label=\"QR-Code für &quot;Erika&quot; &lt;Einlass&gt;\"")
                .contains("viewBox=\"0 0 " + (qr.size + 8) + " " + (qr.size + 8) + "\"");
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
    }

    private static String scan(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
