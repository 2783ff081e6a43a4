package org.quantcourse.kernel.io;

import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A byte stream (System.out / System.err of user code) decoding UTF-8 into an {@link OutputPump} stream. */
public final class PumpOutputStream extends OutputStream {

    private final OutputPump pump;
    private final PublishStream.StreamType stream;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    private PumpOutputStream(OutputPump pump, PublishStream.StreamType stream) {
        this.pump = pump;
        this.stream = stream;
    }

    /** A UTF-8 auto-flushing print stream feeding the pump's stream. */
    public static PrintStream printStream(OutputPump pump, PublishStream.StreamType stream) {
        return new PrintStream(new PumpOutputStream(pump, stream), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        ByteBuffer input = ByteBuffer.allocate(pending.remaining() + length);
        input.put(pending).put(bytes, offset, length).flip();
        CharBuffer chars = CharBuffer.allocate(input.remaining());
        decoder.decode(input, chars, false);
        pending = input.slice();
        chars.flip();
        pump.write(stream, chars.toString());
    }
}
