namespace OrleansBooking.Grains.Waitlist;

/// <summary>One patient waiting in one pool. <paramref name="Turn"/> orders the queue: lower joined earlier.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.WaitlistEntry")]
public sealed record WaitlistEntry(string PatientId, long Turn, DateTimeOffset JoinedAt);
