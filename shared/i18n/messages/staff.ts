/** The Customer Success team, kept by its own members. */
import { defineMessages } from "../define.ts";

export const staff = defineMessages(
  {
    "staff.title": "Customer Success team",
    "staff.description":
      "Who reviews applications and keeps partners and the catalogue. Deactivated colleagues cannot sign in.",
    "staff.invite": "Invite a colleague",
    "staff.inviteDescription": "They receive an e-mail link to join the Customer Success team.",
    "staff.invitationSent": "Invitation sent to {email}.",
    "staff.members": "Members",
    "staff.deactivatedOn": "Deactivated {date}",
    "staff.deactivateMember": "Deactivate {name}",
    "staff.reactivateMember": "Reactivate {name}",
    "staff.reactivated": "{name} can sign in again.",
    "staff.deactivated": "{name} is deactivated and was signed out.",
    "staff.deactivateText":
      "They are signed out at once and cannot sign in until a colleague reactivates them.",
    "staff.invited": "Invited colleagues",
    "staff.nobodyInvited": "Nobody is invited at the moment.",
  },
  {
    "staff.title": "Equipo de Customer Success",
    "staff.description":
      "Quién revisa las solicitudes y mantiene los partners y el catálogo. Los compañeros desactivados no pueden iniciar sesión.",
    "staff.invite": "Invitar a un compañero",
    "staff.inviteDescription":
      "Recibirá por correo un enlace para unirse al equipo de Customer Success.",
    "staff.invitationSent": "Invitación enviada a {email}.",
    "staff.members": "Miembros",
    "staff.deactivatedOn": "Desactivado el {date}",
    "staff.deactivateMember": "Desactivar a {name}",
    "staff.reactivateMember": "Reactivar a {name}",
    "staff.reactivated": "{name} puede volver a iniciar sesión.",
    "staff.deactivated": "Se ha desactivado a {name} y se ha cerrado su sesión.",
    "staff.deactivateText":
      "Se cierra su sesión al instante y no podrá iniciar sesión hasta que un compañero reactive su cuenta.",
    "staff.invited": "Compañeros invitados",
    "staff.nobodyInvited": "Ahora mismo no hay nadie invitado.",
  },
);
