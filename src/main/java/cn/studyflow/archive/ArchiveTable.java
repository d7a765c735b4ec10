package cn.studyflow.archive;

import cn.studyflow.archive.ArchiveSource.ArchiveFile;
import cn.studyflow.archive.ArchiveSource.ArchivePart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A feature's part of the archive while it is gathered: the rows of its table and its files, labels in the reader's
 * language (the key itself where a label is missing). One per {@link ArchiveSource#part} call.
 */
public final class ArchiveTable {

    private final MessageSource messages;
    private final Locale locale;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<ArchiveFile> files = new ArrayList<>();

    public ArchiveTable(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The label of {@code key} in the reader's language, or the key when there is none. */
    public String msg(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    public void row(String... cells) {
        rows.add(List.of(cells));
    }

    public void file(ArchiveFile file) {
        files.add(file);
    }

    /** The part at {@code order} under {@code titleKey}: one item a row, headed by the labels of {@code headKeys}. */
    public ArchivePart part(int order, String titleKey, String... headKeys) {
        return new ArchivePart(order, titleKey, rows.size(), Arrays.stream(headKeys).map(this::msg).toList(), rows,
            files);
    }
}
