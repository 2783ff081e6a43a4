package org.quantcourse.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.quantcourse.kernel.install.InstallOptions;
import org.quantcourse.kernel.install.KernelSpecInstaller;
import org.quantcourse.kernel.io.KernelLog;
import org.quantcourse.kernel.io.OutputPump;
import org.quantcourse.kernel.io.PumpOutputStream;
import org.quantcourse.kernel.protocol.KernelChannels;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar quantcourse-kernel.jar install [options] | uninstall [location] | kernel CONNECTION_FILE}.
 * A single argument naming a .json file also runs the kernel (IJava's argv form).
 */
public final class KernelMain {

    private KernelMain() {
    }

    /** Dispatches the subcommand; exits non-zero with a message on bad usage. */
    public static void main(String[] args) throws Exception {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "install" -> install(rest);
                case "uninstall" -> uninstall(rest);
                case "kernel" -> runKernel(Path.of(single(rest, "kernel needs the connection file")));
                case "help", "--help", "-h" -> System.out.println(usage());
                default -> {
                    if (args.length == 1 && command.endsWith(".json")) {
                        runKernel(Path.of(command));
                    } else {
                        fail("Unknown command '" + command + "'.\n" + usage());
                    }
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
        }
    }

    private static void install(List<String> args) throws Exception {
        InstallOptions options = InstallOptions.parse(args);
        Path jar = Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path spec = KernelSpecInstaller.install(options, jar);
        System.out.println("Installed kernelspec '" + options.name() + "' in " + spec);
    }

    private static void uninstall(List<String> args) throws Exception {
        InstallOptions options = InstallOptions.parse(args);
        Path spec = options.location().kernelsDirectory().resolve(options.name());
        System.out.println(KernelSpecInstaller.uninstall(options)
                ? "Removed kernelspec " + spec : "No kernelspec at " + spec + "; nothing removed");
    }

    private static void runKernel(Path connectionFile) throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        KernelLog.debug("starting with " + connectionFile);
        KernelConnectionProperties connection =
                KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8));
        KernelChannels channels = KernelChannels.bind(connection);
        OutputPump pump = OutputPump.start(channels::publish);
        JavaKernel kernel = JavaKernel.start(pump, KernelEnvironment.from(System.getenv(), Path.of("").toAbsolutePath()));
        System.setOut(PumpOutputStream.printStream(pump, PublishStream.StreamType.OUT));
        System.setErr(PumpOutputStream.printStream(pump, PublishStream.StreamType.ERR));
        System.setIn(kernel.stdin());
        kernel.serve(channels);
        SigintHandler.install(kernel::interrupt);
        channels.start();
        channels.awaitShutdown();
        pump.close();
        channels.close();
        System.exit(0);
    }

    private static String single(List<String> args, String message) {
        if (args.size() != 1) {
            throw new IllegalArgumentException(message + "\n" + usage());
        }
        return args.get(0);
    }

    private static String usage() {
        return "Usage: java -jar " + KernelSpecInstaller.JAR_NAME + " <command>\n"
                + "  install [options]     write the 'java' kernelspec (default --user)\n"
                + "  uninstall [location]  remove it (--user | --sys-prefix | --prefix DIR, --name NAME)\n"
                + "  kernel FILE           run the kernel on a Jupyter connection file\n"
                + InstallOptions.usage();
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
