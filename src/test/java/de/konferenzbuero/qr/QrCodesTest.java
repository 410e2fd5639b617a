package de.konferenzbuero.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

import io.nayuki.qrcodegen.QrCode;

import javax.imageio.ImageIO;

/** The PNG and SVG carry exactly the modules of the QR code, with a white quiet zone. */
class QrCodesTest {

    static final String TEXT = "https://anmeldung.example.org/organiser/conferences/3/checkin?code=xtunn2sV_xKQG4PMDVZ-";

    @Test
    void pngShowsEveryModuleAtItsPlace() throws Exception {
        QrCode qr = QrCode.encodeText(TEXT, QrCode.Ecc.MEDIUM);
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
        QrCode qr = QrCode.encodeText(TEXT, QrCode.Ecc.MEDIUM);
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
}
