package org.quantcourse.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.quantcourse.kernel.display.ValueRenderer;
import org.quantcourse.kernel.io.OutputPump;
import org.quantcourse.kernel.runtime.MimeBundle;
import org.quantcourse.kernel.runtime.NotebookRuntime;

import java.util.List;

/** The kernel side of {@link org.quantcourse.kernel.runtime.Notebook}: rendering, display messages, magics. */
final class KernelNotebookRuntime implements NotebookRuntime {

    private final ValueRenderer renderer;
    private final OutputPump pump;
    private final java.util.function.Supplier<CellRunner> cells;

    KernelNotebookRuntime(ValueRenderer renderer, OutputPump pump, java.util.function.Supplier<CellRunner> cells) {
        this.renderer = renderer;
        this.pump = pump;
        this.cells = cells;
    }

    /** Converts a bundle into the library's display data, with a display id when given. */
    static DisplayData toDisplayData(MimeBundle bundle, String displayId) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        return data;
    }

    @Override
    public MimeBundle render(Object value, List<String> mimeTypes) {
        try {
            return renderer.render(value, mimeTypes);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new IllegalStateException("Cannot render " + type + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        pump.publish(new PublishDisplayData(toDisplayData(bundle, displayId)));
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
        pump.publish(new PublishUpdateDisplayData(toDisplayData(bundle, displayId)));
    }

    @Override
    public void clearOutput(boolean wait) {
        pump.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    @Override
    public Object lineMagic(String name, List<String> args) throws Exception {
        if (name.equals("load")) {
            throw new UnsupportedOperationException("%load evaluates code, so it must stand alone on its own line");
        }
        CellRunner runner = cells.get();
        return runner.magics().runLine(runner, name, args);
    }

    @Override
    public Object cellMagic(String name, List<String> args, String body) throws Exception {
        CellRunner runner = cells.get();
        return runner.magics().runCell(runner, name, args, body);
    }
}
