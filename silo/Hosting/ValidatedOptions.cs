using Microsoft.Extensions.Options;

namespace OrleansBooking.Silo.Hosting;

/// <summary>
/// Options bound from one configuration section and validated at start-up: a bad deployment stops
/// with a message naming the setting (<c>Section:Key</c>) rather than failing at the first reservation.
/// </summary>
public static class ValidatedOptions
{
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }

    /// <summary>For options that validate themselves: <paramref name="validate"/> lists what is wrong, naming each setting.</summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(
        this IServiceCollection services, string section, Func<TOptions, IReadOnlyList<string>> validate)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new ErrorListValidation<TOptions>(validate));
        return services;
    }

    public static ValidateOptionsResult ToResult(IReadOnlyList<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

    private sealed class ErrorListValidation<TOptions>(Func<TOptions, IReadOnlyList<string>> validate) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options) => ToResult(validate(options));
    }
}
