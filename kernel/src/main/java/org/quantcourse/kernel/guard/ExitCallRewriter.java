package org.quantcourse.kernel.guard;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * Rewrites calls (and method references) of {@code System.exit(int)}, {@code Runtime.exit(int)} and
 * {@code Runtime.halt(int)} into the refusing methods of {@link ExitGuard}, in classes that can see the kernel
 * (loaded by the application class loader or a loader below it, such as the notebook's) except the kernel's own.
 * Classes that mention neither {@code exit} nor {@code halt} are left untouched without being parsed.
 */
public final class ExitCallRewriter implements ClassFileTransformer {

    private static final String GUARD = ExitGuard.class.getName().replace('.', '/');
    private static final String KERNEL_PACKAGE = "org/quantcourse/kernel/";
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HALT = "halt".getBytes(StandardCharsets.US_ASCII);

    private final ClassLoader kernelLoader;

    private ExitCallRewriter(ClassLoader kernelLoader) {
        this.kernelLoader = kernelLoader;
    }

    /** A rewriter for classes that see the loader of the kernel's classes. */
    static ExitCallRewriter forKernel() {
        return new ExitCallRewriter(ExitGuard.class.getClassLoader());
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (!seesKernel(loader) || (className != null && className.startsWith(KERNEL_PACKAGE))) {
            return null;
        }
        try {
            return rewrite(bytes);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The class with its exit calls redirected to {@link ExitGuard}, or null when it has none. */
    public static byte[] rewrite(byte[] bytes) {
        if (indexOf(bytes, EXIT) < 0 && indexOf(bytes, HALT) < 0) {
            return null;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        Redirector redirector = new Redirector(writer);
        reader.accept(redirector, 0);
        return redirector.changed ? writer.toByteArray() : null;
    }

    private boolean seesKernel(ClassLoader loader) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == kernelLoader) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The guard method replacing a call, as {owner, name, descriptor}, or null when the call is not an exit. */
    private static String[] replacement(String owner, String name, String descriptor) {
        if (!"(I)V".equals(descriptor)) {
            return null;
        }
        if ("java/lang/System".equals(owner) && "exit".equals(name)) {
            return new String[]{GUARD, "exit", "(I)V"};
        }
        if ("java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
            return new String[]{GUARD, name, "(Ljava/lang/Runtime;I)V"};
        }
        return null;
    }

    private static final class Redirector extends ClassVisitor {
        boolean changed;

        Redirector(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    String[] guard = opcode == Opcodes.INVOKESPECIAL ? null : replacement(owner, method, desc);
                    if (guard == null) {
                        super.visitMethodInsn(opcode, owner, method, desc, itf);
                    } else {
                        changed = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, guard[0], guard[1], guard[2], false);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                    Object[] rewritten = args.clone();
                    for (int i = 0; i < rewritten.length; i++) {
                        if (rewritten[i] instanceof Handle handle) {
                            rewritten[i] = redirect(handle);
                        }
                    }
                    super.visitInvokeDynamicInsn(method, desc, bootstrap, rewritten);
                }
            };
        }

        private Handle redirect(Handle handle) {
            String[] guard = replacement(handle.getOwner(), handle.getName(), handle.getDesc());
            if (guard == null || handle.getTag() == Opcodes.H_INVOKESPECIAL) {
                return handle;
            }
            changed = true;
            return new Handle(Opcodes.H_INVOKESTATIC, guard[0], guard[1], guard[2], false);
        }
    }
}
