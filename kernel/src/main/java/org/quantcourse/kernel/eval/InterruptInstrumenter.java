package org.quantcourse.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.quantcourse.kernel.io.KernelLog;

import java.util.HashSet;
import java.util.Set;

/**
 * Adds a call to {@link InterruptCheck#poll()} at the entry of every method and before every backward jump (the
 * back-edge of each loop) of a compiled snippet class. Static initializers are left alone: an interrupt landing in
 * one would leave the class unusable for the session.
 */
final class InterruptInstrumenter {

    private static final String CHECK = InterruptCheck.class.getName().replace('.', '/');
    private static final int API = Opcodes.ASM9;

    private InterruptInstrumenter() {
    }

    /** The class file with interrupt checks, or the original bytes when it cannot be read (logged). */
    static byte[] instrument(byte[] classFile) {
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(API, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                    return name.equals("<clinit>") ? next : new CheckingMethod(next);
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            KernelLog.warn("snippet class left without interrupt checks: " + e);
            return classFile;
        }
    }

    private static final class CheckingMethod extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        CheckingMethod(MethodVisitor next) {
            super(API, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            poll();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (seen.contains(target)) {
                poll();
            }
            super.visitJumpInsn(opcode, target);
        }

        private void poll() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECK, "poll", "()V", false);
        }
    }
}
