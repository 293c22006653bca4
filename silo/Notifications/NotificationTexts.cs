using System.Collections.Frozen;
using OrleansBooking.Silo.Hosting.Notifications;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// The words of every message, in Chinese (the hospital's default) and English. Placeholders in
/// braces are filled from <see cref="MessageFacts"/>; the patient's name is always the masked one.
/// </summary>
public static class NotificationTexts
{
    private static readonly FrozenDictionary<(string Kind, string Language), string> Templates = new Dictionary<(string, string), string>
    {
        [(NotificationKinds.BookingConfirmed, NotificationOptions.Chinese)] =
            "【预约挂号】{name}，您已成功预约{department}{doctor}医生{date}{session}的号，第{number}号，预计就诊时间{time}。",
        [(NotificationKinds.BookingConfirmed, NotificationOptions.English)] =
            "Appointment booked: {name}, {doctor} ({department}), {date} {session}, number {number}, expected at {time}.",
        [(NotificationKinds.ReservationCancelled, NotificationOptions.Chinese)] =
            "【预约挂号】{name}，您预约的{department}{doctor}医生{date}{session}第{number}号已取消。",
        [(NotificationKinds.ReservationCancelled, NotificationOptions.English)] =
            "Appointment cancelled: {name}, {doctor} ({department}), {date} {session}, number {number}.",
        [(NotificationKinds.VisitReminder, NotificationOptions.Chinese)] =
            "【就诊提醒】{name}，您明天（{date}）{session}在{department}{doctor}医生处就诊，第{number}号，预计{time}，请携带身份证件按时签到。",
        [(NotificationKinds.VisitReminder, NotificationOptions.English)] =
            "Reminder: {name}, tomorrow ({date}) {session} you see {doctor} ({department}), number {number}, expected at {time}. Please bring your ID and check in on time.",
        [(NotificationKinds.ClinicStopped, NotificationOptions.Chinese)] =
            "【停诊通知】{name}，很抱歉，{department}{doctor}医生{date}{session}停诊，您的第{number}号已取消。{reason}",
        [(NotificationKinds.ClinicStopped, NotificationOptions.English)] =
            "Clinic cancelled: {name}, we are sorry: {doctor} ({department}) cannot see patients on {date} {session}; your number {number} is cancelled. {reason}",
        [(NotificationKinds.PaymentDue, NotificationOptions.Chinese)] =
            "【待支付】{name}，已为您保留{department}{doctor}医生{date}{session}第{number}号，请于{deadline}前完成支付，逾期号源将自动释放。",
        [(NotificationKinds.PaymentDue, NotificationOptions.English)] =
            "Payment due: {name}, number {number} with {doctor} ({department}) on {date} {session} is held for you; please pay by {deadline} or it is released.",
        [(NotificationKinds.PaymentExpired, NotificationOptions.Chinese)] =
            "【支付超时】{name}，您未在规定时间内支付，{department}{doctor}医生{date}{session}第{number}号已释放。",
        [(NotificationKinds.PaymentExpired, NotificationOptions.English)] =
            "Payment not received: {name}, number {number} with {doctor} ({department}) on {date} {session} has been released.",
        [(NotificationKinds.WaitlistOffer, NotificationOptions.Chinese)] =
            "【候补成功】{name}，{department}{doctor}医生{date}{session}有号源释放，已为您保留第{number}号（预计{time}），请于{deadline}前确认，逾期将顺延给下一位候补患者。",
        [(NotificationKinds.WaitlistOffer, NotificationOptions.English)] =
            "A number came free: {name}, number {number} with {doctor} ({department}) on {date} {session} (expected at {time}) is held for you. Accept it by {deadline} or it passes to the next patient waiting.",
        [(NotificationKinds.WaitlistEnded, NotificationOptions.Chinese)] =
            "【候补取消】{name}，很抱歉，{department}{doctor}医生{date}{session}停诊，您的候补已结束。{reason}",
        [(NotificationKinds.WaitlistEnded, NotificationOptions.English)] =
            "Waitlist ended: {name}, we are sorry: {doctor} ({department}) cannot see patients on {date} {session}, so you are no longer waiting for a number. {reason}",
        [(NotificationKinds.LotteryWon, NotificationOptions.Chinese)] =
            "【摇号结果】{name}，恭喜您在{department}{doctor}医生{date}{session}的摇号中签，第{number}号，预计就诊时间{time}。",
        [(NotificationKinds.LotteryWon, NotificationOptions.English)] =
            "Draw result: {name}, you were drawn for {doctor} ({department}) on {date} {session}: number {number}, expected at {time}.",
        [(NotificationKinds.LotteryLost, NotificationOptions.Chinese)] =
            "【摇号结果】{name}，很遗憾，您未在{department}{doctor}医生{date}{session}的摇号中签。剩余号源（如有）按先到先得开放，您也可加入候补。",
        [(NotificationKinds.LotteryLost, NotificationOptions.English)] =
            "Draw result: {name}, you were not drawn for {doctor} ({department}) on {date} {session}. Any numbers left are open first come, first served, and you may join the waitlist.",
        [(NotificationKinds.SignInCode, NotificationOptions.Chinese)] =
            "【预约挂号】您的验证码是{code}，{minutes}分钟内有效。请勿将验证码告诉他人。",
        [(NotificationKinds.SignInCode, NotificationOptions.English)] =
            "Your OrleansBooking code is {code}. It expires in {minutes} minutes. Never tell it to anyone.",
        [(NotificationKinds.AccountNotice, NotificationOptions.Chinese)] =
            "【预约挂号】有人尝试用此手机号注册账户。您已有账户：请直接登录或重置密码。本次未发送验证码。",
        [(NotificationKinds.AccountNotice, NotificationOptions.English)] =
            "Someone asked to open an OrleansBooking account with this number. You already have one: sign in, or reset your password. No code was sent.",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<(string Session, string Language), string> Sessions = new Dictionary<(string, string), string>
    {
        [("morning", NotificationOptions.Chinese)] = "上午",
        [("afternoon", NotificationOptions.Chinese)] = "下午",
        [("evening", NotificationOptions.Chinese)] = "晚上",
        [("morning", NotificationOptions.English)] = "morning",
        [("afternoon", NotificationOptions.English)] = "afternoon",
        [("evening", NotificationOptions.English)] = "evening",
    }.ToFrozenDictionary();

    /// <summary>True when <paramref name="kind"/> has words (in every language).</summary>
    public static bool Knows(string kind) => Templates.ContainsKey((kind, NotificationOptions.Chinese));

    /// <summary>The message of <paramref name="kind"/> in <paramref name="language"/>; the kind must be known.</summary>
    public static string Word(string kind, string language, MessageFacts facts)
    {
        var text = Templates[(kind, language)];
        var english = language == NotificationOptions.English;
        return text
            .Replace("{name}", facts.MaskedName ?? (english ? "Patient" : "患者"), StringComparison.Ordinal)
            .Replace("{doctor}", facts.Doctor is { } doctor ? (english ? "Dr " + doctor : doctor) : (english ? "your doctor" : ""), StringComparison.Ordinal)
            .Replace("{department}", facts.Department ?? (english ? "outpatients" : ""), StringComparison.Ordinal)
            .Replace("{date}", facts.Date ?? "", StringComparison.Ordinal)
            .Replace("{session}", facts.Session is { } session && Sessions.TryGetValue((session, language), out var words) ? words : facts.Session ?? "",
                StringComparison.Ordinal)
            .Replace("{time}", facts.Time ?? "", StringComparison.Ordinal)
            .Replace("{number}", facts.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)
            .Replace("{reason}", facts.Reason is { Length: > 0 } reason ? (english ? "Reason: " + reason : "原因：" + reason) : "", StringComparison.Ordinal)
            .Replace("{deadline}", facts.Deadline ?? "", StringComparison.Ordinal)
            .Replace("{code}", facts.Code ?? "", StringComparison.Ordinal)
            .Replace("{minutes}", facts.Minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)
            .TrimEnd();
    }
}

/// <summary>What a message may say, already formatted (dates yyyy-MM-dd, times HH:mm in the hospital's zone).</summary>
public sealed record MessageFacts(
    string? MaskedName = null,
    string? Doctor = null,
    string? Department = null,
    string? Date = null,
    string? Session = null,
    string? Time = null,
    int? Number = null,
    string? Reason = null,
    string? Deadline = null,
    string? Code = null,
    int? Minutes = null);
