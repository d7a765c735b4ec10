package cn.studyflow.archive;

import cn.studyflow.archive.ArchiveSource.ArchivePart;
import cn.studyflow.common.Dates;
import cn.studyflow.upload.WordDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The archive's first file, a Word document (.docx): the organisation, the year and its state, the summary
 * sheet (what each part holds), each part's table, and the table of contents of every file in the zip.
 */
@Component
@RequiredArgsConstructor
class ArchiveSummary {

    private final MessageSource messages;
    private final Dates dates;
    private final Clock clock;

    void write(ArchiveYear archive, String ownName, List<ArchiveWriter.Entry> entries, Locale locale,
               OutputStream out) throws IOException {
        WordDocument doc = new WordDocument(messages, locale);
        String year = String.valueOf(archive.year());
        doc.title(doc.msg("archive.zip.root", archive.orgName(), year))
            .fact("print.organisation", archive.orgName())
            .fact("print.year", doc.msg("print.yearValue", archive.year()))
            .fact("archive.state", state(doc, archive))
            .fact("archive.generatedAt", dates.format(OffsetDateTime.now(clock)));

        doc.heading(doc.msg("archive.summary.heading"));
        List<List<String>> counts = new ArrayList<>();
        for (ArchivePart p : archive.parts()) {
            counts.add(List.of(doc.msg(p.titleKey()), String.valueOf(p.count())));
        }
        doc.table(List.of(doc.msg("archive.summary.part"), doc.msg("archive.summary.count")), counts);

        for (ArchivePart p : archive.parts()) {
            doc.heading(doc.msg(p.titleKey()));
            if (p.rows().isEmpty()) {
                doc.paragraph(doc.msg("archive.summary.none"));
            } else {
                doc.table(p.heads(), p.rows());
            }
        }

        doc.heading(doc.msg("archive.toc.heading"));
        List<List<String>> toc = new ArrayList<>();
        toc.add(List.of("1", ownName));
        for (ArchiveWriter.Entry e : entries) {
            toc.add(List.of(String.valueOf(toc.size() + 1), e.path()));
        }
        doc.table(List.of("#", doc.msg("archive.toc.file")), toc);
        doc.write(out);
    }

    private String state(WordDocument doc, ArchiveYear archive) {
        ClosedYear closed = archive.closed();
        return closed == null ? doc.msg("archive.state.open")
            : doc.msg("archive.state.closedOn", dates.day(closed.closedAt()), closed.closedByName());
    }
}
