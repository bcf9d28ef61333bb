package onboarding.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import onboarding.model.SafeUrl;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders refused actions and lost races as a 409 page that says what happened, and actions the user may not take
 * as the same page with 403.
 */
public class ConflictMapper {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conflict(String message, String back);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, HttpHeaders headers) {
        return page(Response.Status.CONFLICT, Messages.get(UiLocale.current(), e.messageKey(), e.args()), headers);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpHeaders headers) {
        return page(Response.Status.FORBIDDEN, Messages.get(UiLocale.current(), e.messageKey(), e.args()), headers);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response lostRace(RuntimeException e, HttpHeaders headers) {
        return page(Response.Status.CONFLICT, Messages.get(UiLocale.current(), "conflict.changed"), headers);
    }

    private static Response page(Response.Status status, String message, HttpHeaders headers) {
        String referer = headers.getHeaderString("Referer");
        String back = SafeUrl.isSafe(referer) ? referer : "/";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.conflict(message, back)).build();
    }
}
