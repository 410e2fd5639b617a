package de.konferenzbuero;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundles in a given language, for text built in Java (form errors, API problems, mails). */
public final class Texts {

    private Texts() {
    }

    public static Messages of(Locale locale) {
        return bundle(Messages.class, locale);
    }

    public static OrganiserMessages organiser(Locale locale) {
        return bundle(OrganiserMessages.class, locale);
    }

    public static PrivacyMessages privacy(Locale locale) {
        return bundle(PrivacyMessages.class, locale);
    }

    public static EmbedMessages embed(Locale locale) {
        return bundle(EmbedMessages.class, locale);
    }

    public static HookMessages hook(Locale locale) {
        return bundle(HookMessages.class, locale);
    }

    public static FeedMessages feed(Locale locale) {
        return bundle(FeedMessages.class, locale);
    }

    public static AfterEventMessages after(Locale locale) {
        return bundle(AfterEventMessages.class, locale);
    }

    public static CertificateMessages certificate(Locale locale) {
        return bundle(CertificateMessages.class, locale);
    }

    public static OfferMessages offer(Locale locale) {
        return bundle(OfferMessages.class, locale);
    }

    public static ApprovalMessages approval(Locale locale) {
        return bundle(ApprovalMessages.class, locale);
    }

    public static InviteMessages invite(Locale locale) {
        return bundle(InviteMessages.class, locale);
    }

    public static GroupMessages group(Locale locale) {
        return bundle(GroupMessages.class, locale);
    }

    public static AccountMessages account(Locale locale) {
        return bundle(AccountMessages.class, locale);
    }

    public static QuestionMessages question(Locale locale) {
        return bundle(QuestionMessages.class, locale);
    }

    public static MailMessages mail(Locale locale) {
        return bundle(MailMessages.class, locale);
    }

    private static <T> T bundle(Class<T> type, Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? MessageBundles.get(type, Localized.Literal.of("en")) : MessageBundles.get(type);
    }
}
