from quickscan_app.ui.screens.my_dossiers import render

render()
