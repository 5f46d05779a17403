namespace Leadwise.Core.Engagement;

/// <summary>The event types Leadwise knows, grouped by the scoring model that reads them.</summary>
public static class EventTypes
{
    // Website engagement.
    public const string PageView = "page_view";
    public const string PricingPageView = "pricing_page_view";
    public const string DemoPageView = "demo_page_view";
    public const string Download = "download";

    // Email engagement.
    public const string EmailOpen = "email_open";
    public const string EmailClick = "email_click";
    public const string EmailReply = "email_reply";
    public const string EmailBounce = "email_bounce";
    public const string EmailUnsubscribe = "email_unsubscribe";

    // Social engagement.
    public const string LinkedInInviteAccepted = "linkedin_invite_accepted";
    public const string SocialLike = "social_like";
    public const string SocialShare = "social_share";
    public const string SocialComment = "social_comment";
    public const string SocialFollow = "social_follow";

    // Spam signals.
    public const string CaptchaFailed = "captcha_failed";
    public const string FormSubmitted = "form_submitted";

    public static readonly IReadOnlyList<string> All =
    [
        PageView, PricingPageView, DemoPageView, Download,
        EmailOpen, EmailClick, EmailReply, EmailBounce, EmailUnsubscribe,
        LinkedInInviteAccepted, SocialLike, SocialShare, SocialComment, SocialFollow,
        CaptchaFailed, FormSubmitted,
    ];
}
