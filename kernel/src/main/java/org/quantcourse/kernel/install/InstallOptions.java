package org.quantcourse.kernel.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code install}/{@code uninstall}: where ({@code --user}, {@code --sys-prefix}, {@code --prefix P}),
 * the JVM ({@code --java PATH}, {@code --jvm-opt=-Xmx4g}, repeatable), and the IJava environment written into
 * kernel.json ({@code --classpath CP}, {@code --compiler-opts "..."}, {@code --startup-script F}, {@code --timeout T}),
 * plus {@code --name} and {@code --display-name}.
 */
public record InstallOptions(SpecLocation location, String name, String displayName, String javaExecutable,
                             List<String> jvmOptions, Map<String, String> environment) {

    /** The default kernelspec name. */
    public static final String DEFAULT_NAME = "java";
    /** The default display name in the notebook's kernel menu. */
    public static final String DEFAULT_DISPLAY_NAME = "Java (quantcourse)";

    /** Parses command-line arguments (after the subcommand). */
    public static InstallOptions parse(List<String> args) {
        SpecLocation location = null;
        String name = DEFAULT_NAME;
        String displayName = DEFAULT_DISPLAY_NAME;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=") && arg.startsWith("--");
            String value = inline ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (key) {
                case "--user" -> location = only(location, SpecLocation.user(), arg);
                case "--sys-prefix" -> location = only(location, SpecLocation.sysPrefix(), arg);
                case "--prefix" -> location = only(location, SpecLocation.prefix(Path.of(value != null ? value : next(args, ++i, key))), arg);
                case "--name" -> name = value != null ? value : next(args, ++i, key);
                case "--display-name" -> displayName = value != null ? value : next(args, ++i, key);
                case "--java" -> java = value != null ? value : next(args, ++i, key);
                case "--jvm-opt" -> jvm.add(value != null ? value : next(args, ++i, key));
                case "--classpath" -> env.put("IJAVA_CLASSPATH", value != null ? value : next(args, ++i, key));
                case "--compiler-opts" -> env.put("IJAVA_COMPILER_OPTS", value != null ? value : next(args, ++i, key));
                case "--startup-script" -> env.put("IJAVA_STARTUP_SCRIPTS_PATH",
                        Path.of(value != null ? value : next(args, ++i, key)).toAbsolutePath().toString());
                case "--timeout" -> env.put("IJAVA_TIMEOUT", value != null ? value : next(args, ++i, key));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'. " + usage());
            }
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name may use letters, digits, '.', '_' and '-' only; got '" + name + "'");
        }
        return new InstallOptions(location == null ? SpecLocation.user() : location, name, displayName, java, jvm, env);
    }

    /** The options summary printed on errors and by {@code help}. */
    public static String usage() {
        return "Options: [--user | --sys-prefix | --prefix DIR] [--name java] [--display-name TEXT] [--java PATH] "
                + "[--jvm-opt=-Xmx4g ...] [--classpath CP] [--compiler-opts OPTS] [--startup-script FILE] "
                + "[--timeout MILLIS]";
    }

    private static String next(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value. " + usage());
        }
        return args.get(index);
    }

    private static SpecLocation only(SpecLocation current, SpecLocation chosen, String arg) {
        if (current != null) {
            throw new IllegalArgumentException("Choose one of --user, --sys-prefix, --prefix; '" + arg
                    + "' came after another location");
        }
        return chosen;
    }
}
