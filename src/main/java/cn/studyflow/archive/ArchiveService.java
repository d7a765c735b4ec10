package cn.studyflow.archive;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.upload.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * An organisation's archive of a year for the page, the API and the download: checked for scope (404 outside
 * it) and for the year (none to come), gathered from every feature, refused when the year holds nothing.
 */
@Service
@RequiredArgsConstructor
public class ArchiveService {

    static final String ZIP = "application/zip";

    private final ArchiveAccess access;
    private final ArchiveContents contents;
    private final ArchiveYears years;
    private final ArchiveWriter writer;
    private final YearClosings closings;
    private final OrgService orgs;

    /** What the year holds, read now; 404 outside the reader's scope, 400 for a year to come. */
    ArchiveYear year(CurrentUser user, long orgId, int year, Locale locale) {
        access.requireRead(user, orgId);
        years.requireArchivable(year);
        contents.prepare(orgId, year);
        return new ArchiveYear(orgId, orgs.get(orgId).getName(), year, contents.parts(orgId, year, locale),
            closings.closed(orgId, year));
    }

    /** The page's and the API's view of a year: counts, state, history and what this person may do. */
    public ArchiveOverview overview(CurrentUser user, long orgId, int year, Locale locale) {
        ArchiveYear archive = year(user, orgId, year, locale);
        List<YearClosing> history = closings.history(orgId, year);
        return ArchiveOverview.of(archive, history, access.canRequestClosing(user, orgId),
            access.canReopen(user, orgId));
    }

    /**
     * Streams the archive as the response, a .zip named after the organisation and the year. A year with nothing
     * is refused with a message before anything is written, so no empty zip is ever handed out.
     */
    public void download(CurrentUser user, long orgId, int year, Locale locale, HttpServletResponse response)
        throws IOException {
        ArchiveYear archive = year(user, orgId, year, locale);
        if (archive.isEmpty()) {
            throw BusinessException.invalid("archive.error.empty", String.valueOf(year));
        }
        String name = ArchiveWriter.safe(archive.orgName() + "-" + year) + ".zip";
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(name,
            "archive-" + orgId + "-" + year));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        try (OutputStream out = response.getOutputStream()) {
            writer.write(archive, locale, out);
        }
    }

    /** The organisation a reader's archive page opens on: their own when they may read it, else 404. */
    public long defaultOrg(CurrentUser user) {
        access.requireRead(user, user.getOrgId());
        return user.getOrgId();
    }

    /** The year an archive page opens on: the last finished one. */
    public int defaultYear() {
        return years.current() - 1;
    }
}
