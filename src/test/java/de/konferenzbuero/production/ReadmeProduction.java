package de.konferenzbuero.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's "Run in production" section as an operator follows it: the environment variables it exports, in order,
 * and the command that starts the app (in the directory it changes to). The production tests configure the app with
 * exactly these variables, so the README and the tested configuration cannot drift apart.
 */
record ReadmeProduction(List<String> variables, Path directory, List<String> command) {

    /** The start command: {@code cd DIRECTORY && java OPTIONS -jar quarkus-run.jar}. */
    private static final Pattern START = Pattern.compile("^cd (\\S+) && (java .*-jar \\S+)$");

    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);

    static ReadmeProduction read() {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = readme.indexOf("\n## Run in production");
        assertThat(start).as("README.md has a section \"## Run in production\"").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        List<String> variables = new ArrayList<>();
        Matcher export = EXPORT.matcher(section);
        while (export.find()) {
            variables.add(export.group(1));
        }
        Matcher command = section.lines().map(String::strip).map(START::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError(
                        "README's production section shows no \"cd DIRECTORY && java ... -jar ...\" command"));
        return new ReadmeProduction(List.copyOf(variables), Path.of(command.group(1)),
                List.of(command.group(2).split("\\s+")));
    }
}
