package dev.lamina.spark.example;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} options of the example programs: each known option with its default
 * and help line; an unknown option or a missing value is a usage error.
 */
final class ExampleOptions {
    /** A command-line mistake: the program prints it with the usage and exits with 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final String program;
    private final Map<String, String[]> known = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    ExampleOptions(String program) {
        this.program = program;
    }

    /** Declares {@code --name}, its default ({@code null}: none) and help; a flag has default "false". */
    ExampleOptions option(String name, String defaultValue, String help) {
        known.put(name, new String[] {defaultValue, help});
        return this;
    }

    /** Reads {@code args}; returns false when help was asked for (and printed). */
    boolean parse(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage());
                return false;
            }
            if (!arg.startsWith("--") || !known.containsKey(arg.substring(2))) {
                throw new UsageException("unknown option " + arg);
            }
            String name = arg.substring(2);
            if ("false".equals(known.get(name)[0])) {
                values.put(name, "true");
            } else if (i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new UsageException("option " + arg + " needs a value");
            }
        }
        return true;
    }

    String text(String name) {
        return values.getOrDefault(name, known.get(name)[0]);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(text(name));
    }

    int number(String name) {
        String value = text(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got " + value);
        }
    }

    String usage() {
        StringBuilder text = new StringBuilder("Usage: " + program + " [options]\n");
        for (Map.Entry<String, String[]> e : known.entrySet()) {
            String defaultValue = e.getValue()[0];
            text.append(String.format(
                    "  --%-22s %s%s%n",
                    e.getKey() + ("false".equals(defaultValue) ? "" : " X"),
                    e.getValue()[1],
                    defaultValue == null || "false".equals(defaultValue) ? "" : " (default " + defaultValue + ")"));
        }
        return text.toString();
    }
}
