package org.quantcourse.kernel.protocol;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;
import java.util.Map;

/** Reply contents the protocol requires but the library's classes lack (a {@code status} field, a pager payload). */
public final class Replies {

    private Replies() {
    }

    /** kernel_info_reply with {@code status: ok}. */
    public static final class KernelInfo extends KernelInfoReply {
        private final String status = "ok";
        private final boolean debugger = false;

        /** Builds the reply. */
        public KernelInfo(String protocolVersion, String implementation, String implementationVersion,
                          LanguageInfo language, String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, implementationVersion, language, banner, helpLinks);
        }
    }

    /** history_reply with {@code status: ok}. */
    public static final class History extends HistoryReply {
        private final String status = "ok";

        /** Builds the reply. */
        public History(List<HistoryEntry> entries) {
            super(entries);
        }
    }

    /** execute_reply (ok) with a payload list, used for pager output. */
    public static final class Execute extends ExecuteReply {
        private final List<Map<String, Object>> payload;

        /** Builds the reply. */
        public Execute(int executionCount, List<Map<String, Object>> payload) {
            super(executionCount, Map.of());
            this.payload = List.copyOf(payload);
        }
    }
}
