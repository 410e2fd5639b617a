package de.konferenzbuero.afterevent;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders a certificate from its Qute template ({@code Certificates/certificate.html}, XHTML) to a PDF/A-3u with tags
 * for screen readers (PDF/UA) and the app's own fonts embedded, so it looks the same everywhere and can be archived.
 */
@ApplicationScoped
class CertificatePdf {

    private static final String FONT = "DejaVu Sans";

    @CheckedTemplate(basePath = "Certificates")
    static class Templates {
        static native TemplateInstance certificate(CertificateView certificate);
    }

    private final byte[] regular = resource("/fonts/DejaVuSans.ttf");
    private final byte[] bold = resource("/fonts/DejaVuSans-Bold.ttf");
    private final byte[] colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    byte[] render(CertificateView certificate) {
        String xhtml = Templates.certificate(certificate).setLocale(Locale.forLanguageTag(certificate.lang())).render();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
        builder.usePdfUaAccessbility(true);
        builder.useColorProfile(colorProfile);
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static byte[] resource(String path) {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
