package onboarding.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders refused actions and lost races as a 409 page that says what happened. */
public class ConflictMapper {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conflict(String message, String back);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, HttpHeaders headers) {
        return page(Messages.get(UiLocale.current(), e.messageKey(), e.args()), headers);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response lostRace(RuntimeException e, HttpHeaders headers) {
        return page(Messages.get(UiLocale.current(), "conflict.changed"), headers);
    }

    private static Response page(String message, HttpHeaders headers) {
        String referer = headers.getHeaderString("Referer");
        String back = referer != null && referer.startsWith("http") ? referer : "/";
        return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.conflict(message, back)).build();
    }
}
