package de.konferenzbuero.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Log lines name the page, never a manage link's secret. */
class PageContextTest {

    @Test
    void theLoggedPathLeavesTheSecretOut() {
        assertThat(logged("/registrations/Pfp6W44U5ybUj7jsAG3S0dx4B5uPFJZHoFwXhHxaAtw/confirm"))
                .isEqualTo("/registrations/***/confirm");
        assertThat(logged("/api/registrations/Pfp6W44U5ybUj7jsAG3S0dx4B5uPFJZHoFwXhHxaAtw"))
                .isEqualTo("/api/registrations/***");
        assertThat(logged("/conferences/mpsc-kongress/registrations"))
                .isEqualTo("/conferences/mpsc-kongress/registrations");
    }

    private static String logged(String path) {
        PageContext page = new PageContext();
        page.init(Locale.GERMAN, path, null);
        return page.loggedPath();
    }
}
