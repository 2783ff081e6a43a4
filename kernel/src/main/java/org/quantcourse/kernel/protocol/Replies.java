package org.quantcourse.kernel.protocol;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.MessageType;
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

    /** history_reply content: {@code status: ok} and entries as (session, line, input or [input, output]) tuples. */
    public static final class History {
        private final String status = "ok";
        private final List<List<Object>> history;

        /** Builds the reply content from history entries. */
        public History(List<HistoryEntry> entries) {
            this.history = entries.stream().map(History::tuple).toList();
        }

        private static List<Object> tuple(HistoryEntry e) {
            Object io = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
            return List.of(e.getSession(), e.getCellNumber(), io);
        }

        /** The message carrying this content as the reply to the request. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public org.dflib.jjava.jupyter.messages.Message<?> replyTo(org.dflib.jjava.jupyter.messages.MessageContext request) {
            return new org.dflib.jjava.jupyter.messages.Message(request, MessageType.HISTORY_REPLY, this);
        }
    }

    /** The content of a reply to a request that was not run ({@code status: aborted}), as ipykernel sends. */
    public static final class Aborted {
        private final String status = "aborted";
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
